# warning: source tags not written, ionoscloud_mariadb_cluster has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
resource "random_password" "ana_mysql" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-mysql
# mysql 8.0 becomes mariadb 10.11, the newest offered: a change of engine, test the application against it
resource "ionoscloud_mariadb_cluster" "ana_mysql" {
  display_name    = "ana-mysql"
  location        = "de/fra"
  mariadb_version = "10.11"
  instances       = 1
  cores           = 4
  ram             = 16
  storage_size    = 250
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.analytics_ew1.id
    cidr          = format("%s/%s", cidrhost(ionoscloud_lan.analytics_ew1.ipv4_cidr_block, 11), split("/", ionoscloud_lan.analytics_ew1.ipv4_cidr_block)[1])
  }
  credentials {
    username = "cloudexit_admin"
    password = random_password.ana_mysql.result
  }
}

# warning: source tags not written, ionoscloud_pg_cluster has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
resource "random_password" "ana_warehouse_pg" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-warehouse-pg
resource "ionoscloud_pg_cluster" "ana_warehouse_pg" {
  display_name         = "ana-warehouse-pg"
  location             = "de/fra"
  postgres_version     = "15"
  instances            = 2
  cores                = 8
  ram                  = 32768
  storage_size         = 1024000
  storage_type         = "SSD Standard"
  synchronization_mode = "ASYNCHRONOUS"
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.analytics_ew1.id
    cidr          = format("%s/%s", cidrhost(ionoscloud_lan.analytics_ew1.ipv4_cidr_block, 12), split("/", ionoscloud_lan.analytics_ew1.ipv4_cidr_block)[1])
  }
  credentials {
    username = "cloudexit_admin"
    password = random_password.ana_warehouse_pg.result
  }
}

# warning: source tags not written, ionoscloud_mongo_cluster has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp firestore.googleapis.com/Database //firestore.googleapis.com/projects/retail-analytics-prod/databases/(default)
# firestore becomes mongodb 7.0, the newest offered: a change of engine, test the application against it
# Users are added with ionoscloud_mongo_user once the cluster exists.
resource "ionoscloud_mongo_cluster" "firestore_default" {
  display_name    = "firestore-default"
  location        = "de/fra"
  mongodb_version = "7.0"
  edition         = "business"
  type            = "replicaset"
  instances       = 1
  cores           = 1
  ram             = 1024
  storage_size    = 18432
  storage_type    = "SSD Standard"
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.analytics_ew1.id
    cidr_list     = [format("%s/%s", cidrhost(ionoscloud_lan.analytics_ew1.ipv4_cidr_block, 28), split("/", ionoscloud_lan.analytics_ew1.ipv4_cidr_block)[1])]
  }
}

# warning: source tags not written, ionoscloud_inmemorydb_cluster_v2 has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
resource "random_password" "ana_cache" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from gcp redis.googleapis.com/Instance //redis.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/instances/ana-cache
# redis 7.0 is not offered: redis 9.0 is the closest newer version (a major version jump)
resource "ionoscloud_inmemorydb_cluster_v2" "ana_cache" {
  name             = "ana-cache"
  location         = "de/fra"
  version          = "9.0"
  eviction_policy  = "allkeys-lru"
  persistence_mode = "RDB"
  instances = {
    count = 1
    cores = 1
    ram   = 5
  }
  connections = {
    datacenter_id            = ionoscloud_datacenter.main.id
    lan_id                   = ionoscloud_lan.analytics_ew1.id
    primary_instance_address = format("%s/%s", cidrhost(ionoscloud_lan.analytics_ew1.ipv4_cidr_block, 29), split("/", ionoscloud_lan.analytics_ew1.ipv4_cidr_block)[1])
  }
  snapshot = {
    location       = var.inmemorydb_snapshot_location
    retention_days = 7
    snapshot_hours = [2]
  }
  maintenance_window = {
    time            = "02:00:00"
    day_of_the_week = "Sunday"
  }
  credentials = {
    username = "cloudexit_admin"
    password = {
      algorithm = "SHA-256"
      hash      = sha256(random_password.ana_cache.result)
    }
  }
}

# warning: source tags not written, ionoscloud_pg_cluster has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
resource "random_password" "psql_erp" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from azure microsoft.dbforpostgresql/flexibleservers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.dbforpostgresql/flexibleservers/psql-erp
resource "ionoscloud_pg_cluster" "psql_erp" {
  display_name         = "psql-erp"
  location             = "de/fra"
  postgres_version     = "16"
  instances            = 2
  cores                = 4
  ram                  = 16384
  storage_size         = 524288
  storage_type         = "SSD Standard"
  synchronization_mode = "ASYNCHRONOUS"
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.snet_app.id
    cidr          = format("%s/%s", cidrhost(ionoscloud_lan.snet_app.ipv4_cidr_block, 38), split("/", ionoscloud_lan.snet_app.ipv4_cidr_block)[1])
  }
  credentials {
    username = "cloudexit_admin"
    password = random_password.psql_erp.result
  }
}

# warning: source tags not written, ionoscloud_mongo_cluster has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.documentdb/databaseaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.documentdb/databaseaccounts/cosmos-portal
# the source did not report its version; mongodb 7.0 is the newest offered: confirm the source's version before applying
# Users are added with ionoscloud_mongo_user once the cluster exists.
resource "ionoscloud_mongo_cluster" "cosmos_portal" {
  display_name    = "cosmos-portal"
  location        = "de/fra"
  mongodb_version = "7.0"
  edition         = "business"
  type            = "replicaset"
  instances       = 1
  cores           = 1
  ram             = 1024
  storage_size    = 61440
  storage_type    = "SSD Standard"
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.snet_app.id
    cidr_list     = [format("%s/%s", cidrhost(ionoscloud_lan.snet_app.ipv4_cidr_block, 39), split("/", ionoscloud_lan.snet_app.ipv4_cidr_block)[1])]
  }
}

# warning: source tags not written, ionoscloud_inmemorydb_cluster_v2 has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
resource "random_password" "redis_portal" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from azure microsoft.cache/redis /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.cache/redis/redis-portal
# redis 6.0 is not offered: redis 9.0 is the closest newer version (a major version jump)
resource "ionoscloud_inmemorydb_cluster_v2" "redis_portal" {
  name             = "redis-portal"
  location         = "de/fra"
  version          = "9.0"
  eviction_policy  = "allkeys-lru"
  persistence_mode = "RDB"
  instances = {
    count = 1
    cores = 1
    ram   = 6
  }
  connections = {
    datacenter_id            = ionoscloud_datacenter.main.id
    lan_id                   = ionoscloud_lan.snet_app.id
    primary_instance_address = format("%s/%s", cidrhost(ionoscloud_lan.snet_app.ipv4_cidr_block, 45), split("/", ionoscloud_lan.snet_app.ipv4_cidr_block)[1])
  }
  snapshot = {
    location       = var.inmemorydb_snapshot_location
    retention_days = 7
    snapshot_hours = [2]
  }
  maintenance_window = {
    time            = "02:00:00"
    day_of_the_week = "Sunday"
  }
  credentials = {
    username = "cloudexit_admin"
    password = {
      algorithm = "SHA-256"
      hash      = sha256(random_password.redis_portal.result)
    }
  }
}

# warning: source tags not written, ionoscloud_inmemorydb_cluster_v2 has no tag or label argument in its provider schema: app=shop, colocate=shop-data, env=prod, owner=team-web
resource "random_password" "shop_cache" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from aws AWS::ElastiCache::ReplicationGroup arn:aws:elasticache:us-east-1:123456789012:replicationgroup:shop-cache
# redis 7.1 is not offered: redis 9.0 is the closest newer version (a major version jump)
resource "ionoscloud_inmemorydb_cluster_v2" "shop_cache" {
  name             = "shop-cache"
  location         = "de/fra"
  version          = "9.0"
  eviction_policy  = "allkeys-lru"
  persistence_mode = "RDB"
  instances = {
    count = 1
    cores = 2
    ram   = 6
  }
  connections = {
    datacenter_id            = ionoscloud_datacenter.main.id
    lan_id                   = ionoscloud_lan.shop_data.id
    primary_instance_address = format("%s/%s", cidrhost(ionoscloud_lan.shop_data.ipv4_cidr_block, 78), split("/", ionoscloud_lan.shop_data.ipv4_cidr_block)[1])
  }
  snapshot = {
    location       = var.inmemorydb_snapshot_location
    retention_days = 7
    snapshot_hours = [2]
  }
  maintenance_window = {
    time            = "02:00:00"
    day_of_the_week = "Sunday"
  }
  credentials = {
    username = "cloudexit_admin"
    password = {
      algorithm = "SHA-256"
      hash      = sha256(random_password.shop_cache.result)
    }
  }
}

# warning: source tags not written, ionoscloud_pg_cluster has no tag or label argument in its provider schema: app=crm, classification=secret, env=prod, owner=team-crm
resource "random_password" "crm_aurora" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# subnet: crm-aurora names no subnet and none of the subnets of the resources using it is in its source region eu-west-1 (shop-app (us-east-1)): attached to shop-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::RDS::DBCluster arn:aws:rds:eu-west-1:123456789012:cluster:crm-aurora
resource "ionoscloud_pg_cluster" "crm_aurora" {
  display_name         = "crm-aurora"
  location             = "de/fra"
  postgres_version     = "15"
  instances            = 2
  cores                = 4
  ram                  = 32768
  storage_size         = 307200
  storage_type         = "SSD Standard"
  synchronization_mode = "ASYNCHRONOUS"
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.shop_app.id
    cidr          = format("%s/%s", cidrhost(ionoscloud_lan.shop_app.ipv4_cidr_block, 80), split("/", ionoscloud_lan.shop_app.ipv4_cidr_block)[1])
  }
  credentials {
    username = "cloudexit_admin"
    password = random_password.crm_aurora.result
  }
}

# warning: source tags not written, ionoscloud_mariadb_cluster has no tag or label argument in its provider schema: app=shop, classification=internal, env=prod, owner=team-web
resource "random_password" "shop_catalog" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-catalog
# mysql 8.0.35 becomes mariadb 10.11, the newest offered: a change of engine, test the application against it
resource "ionoscloud_mariadb_cluster" "shop_catalog" {
  display_name    = "shop-catalog"
  location        = "de/fra"
  mariadb_version = "10.11"
  instances       = 1
  cores           = 2
  ram             = 8
  storage_size    = 200
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.shop_data.id
    cidr          = format("%s/%s", cidrhost(ionoscloud_lan.shop_data.ipv4_cidr_block, 81), split("/", ionoscloud_lan.shop_data.ipv4_cidr_block)[1])
  }
  credentials {
    username = "cloudexit_admin"
    password = random_password.shop_catalog.result
  }
}

# warning: source tags not written, ionoscloud_pg_cluster has no tag or label argument in its provider schema: app=shop, classification=confidential, colocate=shop-data, data=orders, env=prod, owner=team-web
resource "random_password" "shop_orders" {
  length      = 32
  special     = false
  min_lower   = 1
  min_upper   = 1
  min_numeric = 1
}

# cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-orders
resource "ionoscloud_pg_cluster" "shop_orders" {
  display_name         = "shop-orders"
  location             = "de/fra"
  postgres_version     = "15"
  instances            = 2
  cores                = 2
  ram                  = 16384
  storage_size         = 512000
  storage_type         = "SSD Standard"
  synchronization_mode = "ASYNCHRONOUS"
  connections {
    datacenter_id = ionoscloud_datacenter.main.id
    lan_id        = ionoscloud_lan.shop_data.id
    cidr          = format("%s/%s", cidrhost(ionoscloud_lan.shop_data.ipv4_cidr_block, 82), split("/", ionoscloud_lan.shop_data.ipv4_cidr_block)[1])
  }
  credentials {
    username = "cloudexit_admin"
    password = random_password.shop_orders.result
  }
}
