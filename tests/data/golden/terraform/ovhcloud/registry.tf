# warning: source tags not written, ovh_cloud_project_containerregistry has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp artifactregistry.googleapis.com/Repository //artifactregistry.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/repositories/images
resource "ovh_cloud_project_containerregistry" "images" {
  service_name = var.service_name
  region       = "GRA"
  name         = "images"
}

# warning: source tags not written, ovh_cloud_project_containerregistry has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.containerregistry/registries /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerregistry/registries/acrportal
resource "ovh_cloud_project_containerregistry" "acrportal" {
  service_name = var.service_name
  region       = "GRA"
  name         = "acrportal"
}

# warning: source tags not written, ovh_cloud_project_containerregistry has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::ECR::Repository arn:aws:ecr:us-east-1:123456789012:repository/shop
resource "ovh_cloud_project_containerregistry" "shop" {
  service_name = var.service_name
  region       = "GRA"
  name         = "shop"
}
