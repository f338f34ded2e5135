"""EU Cloud Sovereignty Framework levels per provider, site and offer, from sovereignty/*.yaml."""
