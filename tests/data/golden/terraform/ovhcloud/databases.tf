# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-mysql
resource "ovh_cloud_project_database" "ana_mysql" {
  service_name = var.service_name
  description  = "ana-mysql"
  engine       = "mysql"
  version      = "8"
  plan         = "essential"
  flavor       = "b3-8"
  disk_size    = 250
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-warehouse-pg
resource "ovh_cloud_project_database" "ana_warehouse_pg" {
  service_name = var.service_name
  description  = "ana-warehouse-pg"
  engine       = "postgresql"
  version      = "15"
  plan         = "business"
  flavor       = "b3-16"
  disk_size    = 1000
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp firestore.googleapis.com/Database //firestore.googleapis.com/projects/retail-analytics-prod/databases/(default)
# firestore becomes mongodb 7.0, the newest offered: a change of engine, test the application against it
resource "ovh_cloud_project_database" "firestore_default" {
  service_name = var.service_name
  description  = "firestore-default"
  engine       = "mongodb"
  version      = "7.0"
  plan         = "production"
  flavor       = "b3-16"
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp redis.googleapis.com/Instance //redis.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/instances/ana-cache
# redis 7.0 is not offered: valkey 7.2 is the closest newer version
resource "ovh_cloud_project_database" "ana_cache" {
  service_name = var.service_name
  description  = "ana-cache"
  engine       = "valkey"
  version      = "7.2"
  plan         = "production"
  flavor       = "b3-8"
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.analytics.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.dbforpostgresql/flexibleservers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.dbforpostgresql/flexibleservers/psql-erp
resource "ovh_cloud_project_database" "psql_erp" {
  service_name = var.service_name
  description  = "psql-erp"
  engine       = "postgresql"
  version      = "16"
  plan         = "business"
  flavor       = "b3-16"
  disk_size    = 512
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.documentdb/databaseaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.documentdb/databaseaccounts/cosmos-portal
# the source did not report its version; mongodb 7.0 is the newest offered: confirm the source's version before applying
resource "ovh_cloud_project_database" "cosmos_portal" {
  service_name = var.service_name
  description  = "cosmos-portal"
  engine       = "mongodb"
  version      = "7.0"
  plan         = "production"
  flavor       = "b3-16"
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.cache/redis /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.cache/redis/redis-portal
# redis 6.0 is not offered: valkey 7.2 is the closest newer version (a major version jump)
resource "ovh_cloud_project_database" "redis_portal" {
  service_name = var.service_name
  description  = "redis-portal"
  engine       = "valkey"
  version      = "7.2"
  plan         = "production"
  flavor       = "b3-8"
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.vnet_erp.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=shop, colocate=shop-data, env=prod, owner=team-web
# cloudexit: from aws AWS::ElastiCache::ReplicationGroup arn:aws:elasticache:us-east-1:123456789012:replicationgroup:shop-cache
# redis 7.1 is not offered: valkey 7.2 is the closest newer version
resource "ovh_cloud_project_database" "shop_cache" {
  service_name = var.service_name
  description  = "shop-cache"
  engine       = "valkey"
  version      = "7.2"
  plan         = "production"
  flavor       = "b3-8"
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_data.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_data.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_data.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=crm, classification=secret, env=prod, owner=team-crm
# subnet: crm-aurora names no subnet and none of the subnets of the resources using it is in its source region eu-west-1 (shop-app (us-east-1)): attached to shop-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::RDS::DBCluster arn:aws:rds:eu-west-1:123456789012:cluster:crm-aurora
resource "ovh_cloud_project_database" "crm_aurora" {
  service_name = var.service_name
  description  = "crm-aurora"
  engine       = "postgresql"
  version      = "15"
  plan         = "business"
  flavor       = "b3-16"
  disk_size    = 300
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=shop, classification=internal, env=prod, owner=team-web
# cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-catalog
resource "ovh_cloud_project_database" "shop_catalog" {
  service_name = var.service_name
  description  = "shop-catalog"
  engine       = "mysql"
  version      = "8"
  plan         = "essential"
  flavor       = "b3-8"
  disk_size    = 200
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_data.id
  }
  ip_restrictions {
    ip          = "10.20.16.0/20"
    description = "allowed by the source security group"
  }
}

# warning: source tags not written, ovh_cloud_project_database has no tag or label argument in its provider schema: app=shop, classification=confidential, colocate=shop-data, data=orders, env=prod, owner=team-web
# cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-orders
resource "ovh_cloud_project_database" "shop_orders" {
  service_name = var.service_name
  description  = "shop-orders"
  engine       = "postgresql"
  version      = "15"
  plan         = "business"
  flavor       = "b3-16"
  disk_size    = 500
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_data.id
  }
  nodes {
    region     = "GRA"
    network_id = ovh_cloud_network_private_vrack.shop_vpc.id
    subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_data.id
  }
  ip_restrictions {
    ip          = "10.20.16.0/20"
    description = "allowed by the source security group"
  }
}
