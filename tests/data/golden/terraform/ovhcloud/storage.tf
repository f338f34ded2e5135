# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1
resource "ovh_cloud_storage_block_volume" "etl_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-1"
  size         = 100
  volume_type  = "HIGH_SPEED"
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2
resource "ovh_cloud_storage_block_volume" "etl_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-2"
  size         = 100
  volume_type  = "HIGH_SPEED"
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3
resource "ovh_cloud_storage_block_volume" "etl_3" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-3"
  size         = 100
  volume_type  = "HIGH_SPEED"
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4
resource "ovh_cloud_storage_block_volume" "etl_4" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-4"
  size         = 100
  volume_type  = "HIGH_SPEED"
}

# cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-exports
resource "ovh_cloud_project_storage" "retail_analytics_prod_exports" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "retail-analytics-prod-exports"
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-retail-analytics-prod-exports"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-lake
resource "ovh_cloud_project_storage" "retail_analytics_prod_lake" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "retail-analytics-prod-lake"
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
resource "ovh_cloud_project_storage" "sterpdocs" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "sterpdocs"
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-sterpdocs"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01
resource "ovh_cloud_storage_block_volume" "shop_app_1_data" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-1-data"
  size         = 200
  volume_type  = "HIGH_SPEED"
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02
resource "ovh_cloud_storage_block_volume" "shop_app_2_data" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-2-data"
  size         = 200
  volume_type  = "HIGH_SPEED"
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03
resource "ovh_cloud_storage_block_volume" "shop_app_3_data" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-3-data"
  size         = 200
  volume_type  = "HIGH_SPEED"
}

# warning: source tags not written, ovh_cloud_storage_block_volume has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04
resource "ovh_cloud_storage_block_volume" "shop_app_4_data" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-4-data"
  size         = 200
  volume_type  = "HIGH_SPEED"
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::crm-documents
resource "ovh_cloud_project_storage" "crm_documents" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "crm-documents"
  tags = {
    "app"              = "crm"
    "classification"   = "secret"
    "cloudexit-source" = "aws-crm-documents"
    "env"              = "prod"
    "owner"            = "team-crm"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-assets
resource "ovh_cloud_project_storage" "shop_assets" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "shop-assets"
  tags = {
    "app"              = "shop"
    "classification"   = "internal"
    "cloudexit-source" = "aws-shop-assets"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-backups
resource "ovh_cloud_project_storage" "shop_backups" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "shop-backups"
  tags = {
    "app"              = "shop"
    "classification"   = "confidential"
    "cloudexit-source" = "aws-shop-backups"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-invoices
resource "ovh_cloud_project_storage" "shop_invoices" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "shop-invoices"
  tags = {
    "app"              = "shop"
    "classification"   = "confidential"
    "cloudexit-source" = "aws-shop-invoices"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-logs
resource "ovh_cloud_project_storage" "shop_logs" {
  service_name = var.service_name
  region_name  = "GRA"
  name         = "shop-logs"
  tags = {
    "app"              = "shop"
    "classification"   = "internal"
    "cloudexit-source" = "aws-shop-logs"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}
