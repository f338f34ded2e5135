# warning: source tags not written, ovh_cloud_project_kube has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp container.googleapis.com/Cluster //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke
resource "ovh_cloud_project_kube" "ana_gke" {
  service_name       = var.service_name
  region             = "GRA11"
  name               = "ana-gke"
  version            = "1.30"
  private_network_id = ovh_cloud_network_private_vrack.analytics.id
  nodes_subnet_id    = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
}

# warning: source tags not written, ovh_cloud_project_kube_nodepool has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp container.googleapis.com/NodePool //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke/nodePools/default
resource "ovh_cloud_project_kube_nodepool" "ana_gke_default" {
  service_name  = var.service_name
  kube_id       = ovh_cloud_project_kube.ana_gke.id
  name          = "ana-gke-default"
  flavor_name   = "b3-32"
  desired_nodes = 3
  min_nodes     = 3
  max_nodes     = 3
  autoscale     = false
}

# warning: source tags not written, ovh_cloud_project_kube has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.containerservice/managedclusters /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal
resource "ovh_cloud_project_kube" "aks_portal" {
  service_name       = var.service_name
  region             = "GRA11"
  name               = "aks-portal"
  version            = "1.30"
  private_network_id = ovh_cloud_network_private_vrack.vnet_erp.id
  nodes_subnet_id    = ovh_cloud_network_private_vrack_subnet.snet_app.id
}

# warning: source tags not written, ovh_cloud_project_kube_nodepool has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.containerservice/managedclusters/agentpools /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal/agentpools/default
resource "ovh_cloud_project_kube_nodepool" "aks_portal_default" {
  service_name  = var.service_name
  kube_id       = ovh_cloud_project_kube.aks_portal.id
  name          = "aks-portal-default"
  flavor_name   = "b3-32"
  desired_nodes = 3
  min_nodes     = 3
  max_nodes     = 3
  autoscale     = false
}

# warning: source tags not written, ovh_cloud_project_kube has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EKS::Cluster arn:aws:eks:us-east-1:123456789012:cluster/shop-k8s
resource "ovh_cloud_project_kube" "shop_k8s" {
  service_name       = var.service_name
  region             = "GRA11"
  name               = "shop-k8s"
  version            = "1.30"
  private_network_id = ovh_cloud_network_private_vrack.shop_vpc.id
  nodes_subnet_id    = ovh_cloud_network_private_vrack_subnet.shop_app.id
}

# warning: source tags not written, ovh_cloud_project_kube_nodepool has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/compute/1a2b3c
resource "ovh_cloud_project_kube_nodepool" "shop_k8s_compute" {
  service_name  = var.service_name
  kube_id       = ovh_cloud_project_kube.shop_k8s.id
  name          = "shop-k8s-compute"
  flavor_name   = "b3-32"
  desired_nodes = 2
  min_nodes     = 2
  max_nodes     = 2
  autoscale     = false
}

# warning: source tags not written, ovh_cloud_project_kube_nodepool has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/general/1a2b3c
resource "ovh_cloud_project_kube_nodepool" "shop_k8s_general" {
  service_name  = var.service_name
  kube_id       = ovh_cloud_project_kube.shop_k8s.id
  name          = "shop-k8s-general"
  flavor_name   = "b3-32"
  desired_nodes = 3
  min_nodes     = 3
  max_nodes     = 3
  autoscale     = false
}
