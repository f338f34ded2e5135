# warning: source tags not written, ionoscloud_k8s_cluster has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp container.googleapis.com/Cluster //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke
# the catalogue lists no engine versions for ionos kubernetes.cluster (unverified: no first-hand list of the versions IONOS offers was found: its provider's documentation only shows an example cluster at 1.31.2 (unchanged since 2024-12-10) and its acceptance tests pin 1.29.6 and 1.29.7, neither a list of what is offered; IONOS's API (GET /k8s/versions) and its documentation's version table were not found recorded in any public copy): check the version before applying
# k8s_version is left to IONOS, which creates the cluster at a version it offers: the source runs 1.30, so test the workloads on the new version before the switch
resource "ionoscloud_k8s_cluster" "ana_gke" {
  name = "ana-gke"
}

# cloudexit: from gcp container.googleapis.com/NodePool //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke/nodePools/default
resource "ionoscloud_k8s_node_pool" "ana_gke_default" {
  datacenter_id     = ionoscloud_datacenter.main.id
  k8s_cluster_id    = ionoscloud_k8s_cluster.ana_gke.id
  k8s_version       = ionoscloud_k8s_cluster.ana_gke.k8s_version
  name              = "ana-gke-default"
  availability_zone = "AUTO"
  node_count        = 3
  cores_count       = 8
  ram_size          = 32768
  storage_size      = 100
  storage_type      = "SSD"
  labels = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-ana-gke-default"
    "env"              = "prod"
    "owner"            = "team-data"
  }
  lans {
    id   = ionoscloud_lan.analytics_ew1.id
    dhcp = true
  }
}

# warning: source tags not written, ionoscloud_k8s_cluster has no tag or label argument in its provider schema: app=portal, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.containerservice/managedclusters /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal
# the catalogue lists no engine versions for ionos kubernetes.cluster (unverified: no first-hand list of the versions IONOS offers was found: its provider's documentation only shows an example cluster at 1.31.2 (unchanged since 2024-12-10) and its acceptance tests pin 1.29.6 and 1.29.7, neither a list of what is offered; IONOS's API (GET /k8s/versions) and its documentation's version table were not found recorded in any public copy): check the version before applying
# k8s_version is left to IONOS, which creates the cluster at a version it offers: the source runs 1.30, so test the workloads on the new version before the switch
resource "ionoscloud_k8s_cluster" "aks_portal" {
  name = "aks-portal"
}

# cloudexit: from azure microsoft.containerservice/managedclusters/agentpools /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal/agentpools/default
resource "ionoscloud_k8s_node_pool" "aks_portal_default" {
  datacenter_id     = ionoscloud_datacenter.main.id
  k8s_cluster_id    = ionoscloud_k8s_cluster.aks_portal.id
  k8s_version       = ionoscloud_k8s_cluster.aks_portal.k8s_version
  name              = "aks-portal-default"
  availability_zone = "AUTO"
  node_count        = 3
  cores_count       = 4
  ram_size          = 16384
  storage_size      = 100
  storage_type      = "SSD"
  labels = {
    "app"              = "portal"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-aks-portal-default"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
  lans {
    id   = ionoscloud_lan.snet_app.id
    dhcp = true
  }
}

# warning: source tags not written, ionoscloud_k8s_cluster has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EKS::Cluster arn:aws:eks:us-east-1:123456789012:cluster/shop-k8s
# the catalogue lists no engine versions for ionos kubernetes.cluster (unverified: no first-hand list of the versions IONOS offers was found: its provider's documentation only shows an example cluster at 1.31.2 (unchanged since 2024-12-10) and its acceptance tests pin 1.29.6 and 1.29.7, neither a list of what is offered; IONOS's API (GET /k8s/versions) and its documentation's version table were not found recorded in any public copy): check the version before applying
# k8s_version is left to IONOS, which creates the cluster at a version it offers: the source runs 1.30, so test the workloads on the new version before the switch
resource "ionoscloud_k8s_cluster" "shop_k8s" {
  name = "shop-k8s"
}

# cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/compute/1a2b3c
resource "ionoscloud_k8s_node_pool" "shop_k8s_compute" {
  datacenter_id     = ionoscloud_datacenter.main.id
  k8s_cluster_id    = ionoscloud_k8s_cluster.shop_k8s.id
  k8s_version       = ionoscloud_k8s_cluster.shop_k8s.k8s_version
  name              = "shop-k8s-compute"
  availability_zone = "AUTO"
  node_count        = 2
  cores_count       = 8
  ram_size          = 16384
  storage_size      = 100
  storage_type      = "SSD"
  labels = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-k8s-compute"
    "env"              = "prod"
    "owner"            = "team-web"
  }
  lans {
    id   = ionoscloud_lan.shop_app.id
    dhcp = true
  }
}

# cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/general/1a2b3c
resource "ionoscloud_k8s_node_pool" "shop_k8s_general" {
  datacenter_id     = ionoscloud_datacenter.main.id
  k8s_cluster_id    = ionoscloud_k8s_cluster.shop_k8s.id
  k8s_version       = ionoscloud_k8s_cluster.shop_k8s.k8s_version
  name              = "shop-k8s-general"
  availability_zone = "AUTO"
  node_count        = 3
  cores_count       = 4
  ram_size          = 16384
  storage_size      = 100
  storage_type      = "SSD"
  labels = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-k8s-general"
    "env"              = "prod"
    "owner"            = "team-web"
  }
  lans {
    id   = ionoscloud_lan.shop_app.id
    dhcp = true
  }
}
