# cloudexit: from gcp dns.googleapis.com/ManagedZone //dns.googleapis.com/projects/retail-analytics-prod/managedZones/analytics-example-com
resource "scaleway_domain_zone" "analytics_example_com" {
  domain    = "example.com"
  subdomain = "analytics"
}

resource "scaleway_domain_record" "analytics_example_com-dash_a_1" {
  dns_zone = scaleway_domain_zone.analytics_example_com.id
  name     = "dash"
  type     = "A"
  data     = "198.51.100.7"
  ttl      = 300
}

# cloudexit: from azure microsoft.network/dnszones /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/dnszones/erp.example.com
resource "scaleway_domain_zone" "erp_example_com" {
  domain    = "example.com"
  subdomain = "erp"
}

resource "scaleway_domain_record" "erp_example_com-portal_a_1" {
  dns_zone = scaleway_domain_zone.erp_example_com.id
  name     = "portal"
  type     = "A"
  data     = "203.0.113.10"
  ttl      = 300
}

# cloudexit: from aws AWS::Route53::HostedZone arn:aws:route53:::hostedzone/Z0SHOP123
resource "scaleway_domain_zone" "shop_example_com" {
  domain    = "example.com"
  subdomain = "shop"
}

resource "scaleway_domain_record" "shop_example_com-apex_mx_1" {
  dns_zone = scaleway_domain_zone.shop_example_com.id
  name     = ""
  type     = "MX"
  data     = "10 mail.example.com"
  ttl      = 3600
}

resource "scaleway_domain_record" "shop_example_com-api_cname_1" {
  dns_zone = scaleway_domain_zone.shop_example_com.id
  name     = "api"
  type     = "CNAME"
  data     = "shop-alb.example.net"
  ttl      = 300
}

resource "scaleway_domain_record" "shop_example_com-www_cname_1" {
  dns_zone = scaleway_domain_zone.shop_example_com.id
  name     = "www"
  type     = "CNAME"
  data     = "shop-alb.example.net"
  ttl      = 300
}
