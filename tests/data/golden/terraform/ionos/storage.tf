# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1
resource "ionoscloud_volume" "etl_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.etl_1.id
  name              = "etl-1"
  size              = 100
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2
resource "ionoscloud_volume" "etl_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.etl_2.id
  name              = "etl-2"
  size              = 100
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3
resource "ionoscloud_volume" "etl_3" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.etl_3.id
  name              = "etl-3"
  size              = 100
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4
resource "ionoscloud_volume" "etl_4" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.etl_4.id
  name              = "etl-4"
  size              = 100
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-exports
resource "ionoscloud_s3_bucket" "retail_analytics_prod_exports" {
  name = "retail-analytics-prod-exports"
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-retail-analytics-prod-exports"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-lake
resource "ionoscloud_s3_bucket" "retail_analytics_prod_lake" {
  name = "retail-analytics-prod-lake"
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-retail-analytics-prod-lake"
    "colocate"         = "analytics-etl"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from azure microsoft.storage/storageaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.storage/storageaccounts/sterpdocs
resource "ionoscloud_s3_bucket" "sterpdocs" {
  name = "sterpdocs"
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-sterpdocs"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01
resource "ionoscloud_volume" "shop_app_1_data" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.shop_app_1.id
  name              = "shop-app-1-data"
  size              = 200
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02
resource "ionoscloud_volume" "shop_app_2_data" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.shop_app_2.id
  name              = "shop-app-2-data"
  size              = 200
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03
resource "ionoscloud_volume" "shop_app_3_data" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.shop_app_3.id
  name              = "shop-app-3-data"
  size              = 200
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# warning: source tags not written, ionoscloud_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04
resource "ionoscloud_volume" "shop_app_4_data" {
  datacenter_id     = ionoscloud_datacenter.main.id
  server_id         = ionoscloud_server.shop_app_4.id
  name              = "shop-app-4-data"
  size              = 200
  disk_type         = "SSD Premium"
  licence_type      = "OTHER"
  availability_zone = "AUTO"
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::crm-documents
resource "ionoscloud_s3_bucket" "crm_documents" {
  name = "crm-documents"
  tags = {
    "app"              = "crm"
    "classification"   = "secret"
    "cloudexit-source" = "aws-crm-documents"
    "env"              = "prod"
    "owner"            = "team-crm"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-assets
resource "ionoscloud_s3_bucket" "shop_assets" {
  name = "shop-assets"
  tags = {
    "app"              = "shop"
    "classification"   = "internal"
    "cloudexit-source" = "aws-shop-assets"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-backups
resource "ionoscloud_s3_bucket" "shop_backups" {
  name = "shop-backups"
  tags = {
    "app"              = "shop"
    "classification"   = "confidential"
    "cloudexit-source" = "aws-shop-backups"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-invoices
resource "ionoscloud_s3_bucket" "shop_invoices" {
  name = "shop-invoices"
  tags = {
    "app"              = "shop"
    "classification"   = "confidential"
    "cloudexit-source" = "aws-shop-invoices"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-logs
resource "ionoscloud_s3_bucket" "shop_logs" {
  name = "shop-logs"
  tags = {
    "app"              = "shop"
    "classification"   = "internal"
    "cloudexit-source" = "aws-shop-logs"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}
