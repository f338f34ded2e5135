resource "random_password" "ana_mysql" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-mysql
resource "scaleway_rdb_instance" "ana_mysql" {
  name              = "ana-mysql"
  node_type         = "DB-PRO2-XS"
  engine            = "MySQL-8"
  is_ha_cluster     = false
  user_name         = "cloudexit_admin"
  password          = random_password.ana_mysql.result
  volume_type       = "sbs_5k"
  volume_size_in_gb = 250
  tags              = ["app=analytics", "classification=internal", "cloudexit-source=gcp-ana-mysql", "env=prod", "owner=team-data"]
  private_network {
    pn_id       = scaleway_vpc_private_network.analytics_ew1.id
    enable_ipam = true
  }
}

resource "random_password" "ana_warehouse_pg" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-warehouse-pg
resource "scaleway_rdb_instance" "ana_warehouse_pg" {
  name              = "ana-warehouse-pg"
  node_type         = "DB-PRO2-XS"
  engine            = "PostgreSQL-15"
  is_ha_cluster     = true
  user_name         = "cloudexit_admin"
  password          = random_password.ana_warehouse_pg.result
  volume_type       = "sbs_5k"
  volume_size_in_gb = 1000
  tags              = ["app=analytics", "classification=internal", "cloudexit-source=gcp-ana-warehouse-pg", "env=prod", "owner=team-data"]
  private_network {
    pn_id       = scaleway_vpc_private_network.analytics_ew1.id
    enable_ipam = true
  }
}

resource "random_password" "firestore_default" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from gcp firestore.googleapis.com/Database //firestore.googleapis.com/projects/retail-analytics-prod/databases/(default)
# the catalogue lists no engine versions for scaleway database.document: check the version before applying
resource "scaleway_mongodb_instance" "firestore_default" {
  name              = "firestore-default"
  node_type         = "MGDB-PLAY2-NANO"
  node_number       = 1
  version           = "7.0"
  user_name         = "cloudexit_admin"
  password          = random_password.firestore_default.result
  volume_size_in_gb = 18
  tags              = ["app=analytics", "classification=internal", "cloudexit-source=gcp-firestore-default", "env=prod", "owner=team-data"]
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

resource "random_password" "ana_cache" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from gcp redis.googleapis.com/Instance //redis.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/instances/ana-cache
# redis 7.0 is not offered: redis 8.6.3 is the closest newer version (a major version jump)
resource "scaleway_redis_cluster" "ana_cache" {
  name         = "ana-cache"
  node_type    = "RED1-S"
  version      = "8.6.3"
  user_name    = "cloudexit_admin"
  password     = random_password.ana_cache.result
  cluster_size = 1
  tags         = ["app=analytics", "classification=internal", "cloudexit-source=gcp-ana-cache", "env=prod", "owner=team-data"]
  private_network {
    id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

resource "random_password" "psql_erp" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from azure microsoft.dbforpostgresql/flexibleservers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.dbforpostgresql/flexibleservers/psql-erp
resource "scaleway_rdb_instance" "psql_erp" {
  name              = "psql-erp"
  node_type         = "DB-PRO2-XS"
  engine            = "PostgreSQL-16"
  is_ha_cluster     = true
  user_name         = "cloudexit_admin"
  password          = random_password.psql_erp.result
  volume_type       = "sbs_5k"
  volume_size_in_gb = 512
  tags              = ["app=erp", "classification=confidential", "cloudexit-source=azure-psql-erp", "env=prod", "owner=team-erp"]
  private_network {
    pn_id       = scaleway_vpc_private_network.snet_app.id
    enable_ipam = true
  }
}

resource "random_password" "cosmos_portal" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from azure microsoft.documentdb/databaseaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.documentdb/databaseaccounts/cosmos-portal
# the catalogue lists no engine versions for scaleway database.document: check the version before applying
resource "scaleway_mongodb_instance" "cosmos_portal" {
  name              = "cosmos-portal"
  node_type         = "MGDB-PLAY2-NANO"
  node_number       = 1
  version           = "7.0"
  user_name         = "cloudexit_admin"
  password          = random_password.cosmos_portal.result
  volume_size_in_gb = 60
  tags              = ["app=portal", "classification=confidential", "cloudexit-source=azure-cosmos-portal", "env=prod", "owner=team-erp"]
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

resource "random_password" "redis_portal" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from azure microsoft.cache/redis /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.cache/redis/redis-portal
# redis 6.0 is not offered: redis 8.6.3 is the closest newer version (a major version jump)
resource "scaleway_redis_cluster" "redis_portal" {
  name         = "redis-portal"
  node_type    = "RED1-S"
  version      = "8.6.3"
  user_name    = "cloudexit_admin"
  password     = random_password.redis_portal.result
  cluster_size = 1
  tags         = ["app=portal", "classification=confidential", "cloudexit-source=azure-redis-portal", "env=prod", "owner=team-erp"]
  private_network {
    id = scaleway_vpc_private_network.snet_app.id
  }
}

resource "random_password" "shop_cache" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from aws AWS::ElastiCache::ReplicationGroup arn:aws:elasticache:us-east-1:123456789012:replicationgroup:shop-cache
# redis 7.1 is not offered: redis 8.6.3 is the closest newer version (a major version jump)
resource "scaleway_redis_cluster" "shop_cache" {
  name         = "shop-cache"
  node_type    = "RED1-S"
  version      = "8.6.3"
  user_name    = "cloudexit_admin"
  password     = random_password.shop_cache.result
  cluster_size = 1
  tags         = ["app=shop", "cloudexit-source=aws-shop-cache", "colocate=shop-data", "env=prod", "owner=team-web"]
  private_network {
    id = scaleway_vpc_private_network.shop_data.id
  }
}

resource "random_password" "crm_aurora" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# subnet: crm-aurora names no subnet and none of the subnets of the resources using it is in its source region eu-west-1 (shop-app (us-east-1)): attached to shop-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::RDS::DBCluster arn:aws:rds:eu-west-1:123456789012:cluster:crm-aurora
resource "scaleway_rdb_instance" "crm_aurora" {
  name              = "crm-aurora"
  node_type         = "DB-PRO2-XS"
  engine            = "PostgreSQL-15"
  is_ha_cluster     = true
  user_name         = "cloudexit_admin"
  password          = random_password.crm_aurora.result
  volume_type       = "sbs_5k"
  volume_size_in_gb = 300
  tags              = ["app=crm", "classification=secret", "cloudexit-source=aws-crm-aurora", "env=prod", "owner=team-crm"]
  private_network {
    pn_id       = scaleway_vpc_private_network.shop_app.id
    enable_ipam = true
  }
}

resource "random_password" "shop_catalog" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-catalog
resource "scaleway_rdb_instance" "shop_catalog" {
  name              = "shop-catalog"
  node_type         = "DB-PRO2-XS"
  engine            = "MySQL-8"
  is_ha_cluster     = false
  user_name         = "cloudexit_admin"
  password          = random_password.shop_catalog.result
  volume_type       = "sbs_5k"
  volume_size_in_gb = 200
  tags              = ["app=shop", "classification=internal", "cloudexit-source=aws-shop-catalog", "env=prod", "owner=team-web"]
  private_network {
    pn_id       = scaleway_vpc_private_network.shop_data.id
    enable_ipam = true
  }
}

# access list from the source security groups of shop-catalog: Scaleway applies it to the public endpoint only, not to the private network
resource "scaleway_rdb_acl" "shop_catalog" {
  instance_id = scaleway_rdb_instance.shop_catalog.id
  acl_rules {
    ip          = "10.20.16.0/20"
    description = "allowed by the source security group"
  }
}

resource "random_password" "shop_orders" {
  length      = 32
  special     = true
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
  min_special = 1
}

# cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-orders
resource "scaleway_rdb_instance" "shop_orders" {
  name              = "shop-orders"
  node_type         = "DB-PRO2-XS"
  engine            = "PostgreSQL-15"
  is_ha_cluster     = true
  user_name         = "cloudexit_admin"
  password          = random_password.shop_orders.result
  volume_type       = "sbs_5k"
  volume_size_in_gb = 500
  tags              = ["app=shop", "classification=confidential", "cloudexit-source=aws-shop-orders", "colocate=shop-data", "data=orders", "env=prod", "owner=team-web"]
  private_network {
    pn_id       = scaleway_vpc_private_network.shop_data.id
    enable_ipam = true
  }
}

# access list from the source security groups of shop-orders: Scaleway applies it to the public endpoint only, not to the private network
resource "scaleway_rdb_acl" "shop_orders" {
  instance_id = scaleway_rdb_instance.shop_orders.id
  acl_rules {
    ip          = "10.20.16.0/20"
    description = "allowed by the source security group"
  }
}
