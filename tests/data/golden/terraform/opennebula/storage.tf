# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1
resource "opennebula_image" "etl_1" {
  name         = "etl-1"
  description  = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 102400
  persistent   = true
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-1"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2
resource "opennebula_image" "etl_2" {
  name         = "etl-2"
  description  = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 102400
  persistent   = true
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-2"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3
resource "opennebula_image" "etl_3" {
  name         = "etl-3"
  description  = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 102400
  persistent   = true
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-3"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4
resource "opennebula_image" "etl_4" {
  name         = "etl-4"
  description  = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 102400
  persistent   = true
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-4"
    "env"              = "prod"
    "owner"            = "team-data"
  }
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01
resource "opennebula_image" "shop_app_1_data" {
  name         = "shop-app-1-data"
  description  = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 204800
  persistent   = true
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-1-data"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02
resource "opennebula_image" "shop_app_2_data" {
  name         = "shop-app-2-data"
  description  = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 204800
  persistent   = true
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-2-data"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03
resource "opennebula_image" "shop_app_3_data" {
  name         = "shop-app-3-data"
  description  = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 204800
  persistent   = true
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-3-data"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}

# cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04
resource "opennebula_image" "shop_app_4_data" {
  name         = "shop-app-4-data"
  description  = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04"
  datastore_id = var.datastore_id
  type         = "DATABLOCK"
  size         = 204800
  persistent   = true
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-4-data"
    "env"              = "prod"
    "owner"            = "team-web"
  }
}
