# cloudexit: from gcp container.googleapis.com/Cluster //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke
# kubernetes 1.30 is not offered: kubernetes 1.32 is the closest newer version (a new minor release: removed APIs)
resource "scaleway_k8s_cluster" "ana_gke" {
  name                        = "ana-gke"
  version                     = "1.32"
  cni                         = "cilium"
  delete_additional_resources = false
  private_network_id          = scaleway_vpc_private_network.analytics_ew1.id
  tags                        = ["app=analytics", "classification=internal", "cloudexit-source=gcp-ana-gke", "env=prod", "owner=team-data"]
}

# cloudexit: from gcp container.googleapis.com/NodePool //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke/nodePools/default
resource "scaleway_k8s_pool" "ana_gke_default" {
  cluster_id             = scaleway_k8s_cluster.ana_gke.id
  name                   = "ana-gke-default"
  node_type              = "PRO2-M"
  size                   = 3
  autoscaling            = false
  autohealing            = true
  root_volume_type       = "sbs_5k"
  root_volume_size_in_gb = 20
  tags                   = ["app=analytics", "classification=internal", "cloudexit-source=gcp-ana-gke-default", "env=prod", "owner=team-data"]
}

# cloudexit: from azure microsoft.containerservice/managedclusters /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal
# kubernetes 1.30 is not offered: kubernetes 1.32 is the closest newer version (a new minor release: removed APIs)
resource "scaleway_k8s_cluster" "aks_portal" {
  name                        = "aks-portal"
  version                     = "1.32"
  cni                         = "cilium"
  delete_additional_resources = false
  private_network_id          = scaleway_vpc_private_network.snet_app.id
  tags                        = ["app=portal", "classification=confidential", "cloudexit-source=azure-aks-portal", "env=prod", "owner=team-erp"]
}

# cloudexit: from azure microsoft.containerservice/managedclusters/agentpools /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal/agentpools/default
resource "scaleway_k8s_pool" "aks_portal_default" {
  cluster_id             = scaleway_k8s_cluster.aks_portal.id
  name                   = "aks-portal-default"
  node_type              = "PRO2-M"
  size                   = 3
  autoscaling            = false
  autohealing            = true
  root_volume_type       = "sbs_5k"
  root_volume_size_in_gb = 20
  tags                   = ["app=portal", "classification=confidential", "cloudexit-source=azure-aks-portal-default", "env=prod", "owner=team-erp"]
}

# cloudexit: from aws AWS::EKS::Cluster arn:aws:eks:us-east-1:123456789012:cluster/shop-k8s
# kubernetes 1.30 is not offered: kubernetes 1.32 is the closest newer version (a new minor release: removed APIs)
resource "scaleway_k8s_cluster" "shop_k8s" {
  name                        = "shop-k8s"
  version                     = "1.32"
  cni                         = "cilium"
  delete_additional_resources = false
  private_network_id          = scaleway_vpc_private_network.shop_app.id
  tags                        = ["app=shop", "cloudexit-source=aws-shop-k8s", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/compute/1a2b3c
resource "scaleway_k8s_pool" "shop_k8s_compute" {
  cluster_id             = scaleway_k8s_cluster.shop_k8s.id
  name                   = "shop-k8s-compute"
  node_type              = "PRO2-M"
  size                   = 2
  autoscaling            = false
  autohealing            = true
  root_volume_type       = "sbs_5k"
  root_volume_size_in_gb = 20
  tags                   = ["app=shop", "cloudexit-source=aws-shop-k8s-compute", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/general/1a2b3c
resource "scaleway_k8s_pool" "shop_k8s_general" {
  cluster_id             = scaleway_k8s_cluster.shop_k8s.id
  name                   = "shop-k8s-general"
  node_type              = "PRO2-M"
  size                   = 3
  autoscaling            = false
  autohealing            = true
  root_volume_type       = "sbs_5k"
  root_volume_size_in_gb = 20
  tags                   = ["app=shop", "cloudexit-source=aws-shop-k8s-general", "env=prod", "owner=team-web"]
}
