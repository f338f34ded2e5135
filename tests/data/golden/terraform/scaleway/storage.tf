# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1
resource "scaleway_block_volume" "etl_1" {
  name       = "etl-1"
  size_in_gb = 100
  iops       = 5000
  tags       = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-1", "env=prod", "owner=team-data"]
}

# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2
resource "scaleway_block_volume" "etl_2" {
  name       = "etl-2"
  size_in_gb = 100
  iops       = 5000
  tags       = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-2", "env=prod", "owner=team-data"]
}

# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3
resource "scaleway_block_volume" "etl_3" {
  name       = "etl-3"
  size_in_gb = 100
  iops       = 5000
  tags       = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-3", "env=prod", "owner=team-data"]
}

# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4
resource "scaleway_block_volume" "etl_4" {
  name       = "etl-4"
  size_in_gb = 100
  iops       = 5000
  tags       = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-4", "env=prod", "owner=team-data"]
}

# cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-exports
resource "scaleway_object_bucket" "retail_analytics_prod_exports" {
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
resource "scaleway_object_bucket" "retail_analytics_prod_lake" {
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
resource "scaleway_object_bucket" "sterpdocs" {
  name = "sterpdocs"
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-sterpdocs"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01
resource "scaleway_block_volume" "shop_app_1_data" {
  name       = "shop-app-1-data"
  size_in_gb = 200
  iops       = 5000
  tags       = ["app=shop", "cloudexit-source=aws-shop-app-1-data", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02
resource "scaleway_block_volume" "shop_app_2_data" {
  name       = "shop-app-2-data"
  size_in_gb = 200
  iops       = 5000
  tags       = ["app=shop", "cloudexit-source=aws-shop-app-2-data", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03
resource "scaleway_block_volume" "shop_app_3_data" {
  name       = "shop-app-3-data"
  size_in_gb = 200
  iops       = 5000
  tags       = ["app=shop", "cloudexit-source=aws-shop-app-3-data", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04
resource "scaleway_block_volume" "shop_app_4_data" {
  name       = "shop-app-4-data"
  size_in_gb = 200
  iops       = 5000
  tags       = ["app=shop", "cloudexit-source=aws-shop-app-4-data", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::crm-documents
resource "scaleway_object_bucket" "crm_documents" {
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
resource "scaleway_object_bucket" "shop_assets" {
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
resource "scaleway_object_bucket" "shop_backups" {
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
resource "scaleway_object_bucket" "shop_invoices" {
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
resource "scaleway_object_bucket" "shop_logs" {
  name = "shop-logs"
  tags = {
    "app"              = "shop"
    "classification"   = "internal"
    "cloudexit-source" = "aws-shop-logs"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}
