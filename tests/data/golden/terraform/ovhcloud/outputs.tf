output "images_id" {
  description = "cloudexit: from gcp artifactregistry.googleapis.com/Repository //artifactregistry.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/repositories/images"
  value       = ovh_cloud_project_containerregistry.images.id
}

output "ana_mysql_id" {
  description = "cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-mysql"
  value       = ovh_cloud_project_database.ana_mysql.id
}

output "ana_warehouse_pg_id" {
  description = "cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-warehouse-pg"
  value       = ovh_cloud_project_database.ana_warehouse_pg.id
}

output "allow_internal_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
  value       = ovh_cloud_security_group.allow_internal.id
}

output "dash_lb_id" {
  description = "cloudexit: from gcp compute.googleapis.com/ForwardingRule //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/forwardingRules/dash-lb"
  value       = ovh_cloud_project_loadbalancer.dash_lb.id
}

output "etl_1_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1"
  value       = ovh_cloud_storage_block_volume.etl_1.id
}

output "etl_2_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2"
  value       = ovh_cloud_storage_block_volume.etl_2.id
}

output "etl_3_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3"
  value       = ovh_cloud_storage_block_volume.etl_3.id
}

output "etl_4_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4"
  value       = ovh_cloud_storage_block_volume.etl_4.id
}

output "etl_1_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1"
  value       = ovh_cloud_instance.etl_1.id
}

output "etl_2_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2"
  value       = ovh_cloud_instance.etl_2.id
}

output "etl_3_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3"
  value       = ovh_cloud_instance.etl_3.id
}

output "etl_4_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4"
  value       = ovh_cloud_instance.etl_4.id
}

output "dash_1_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1"
  value       = ovh_cloud_instance.dash_1.id
}

output "dash_2_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2"
  value       = ovh_cloud_instance.dash_2.id
}

output "ana_gke_id" {
  description = "cloudexit: from gcp container.googleapis.com/Cluster //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke"
  value       = ovh_cloud_project_kube.ana_gke.id
}

output "ana_gke_default_id" {
  description = "cloudexit: from gcp container.googleapis.com/NodePool //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke/nodePools/default"
  value       = ovh_cloud_project_kube_nodepool.ana_gke_default.id
}

output "analytics_example_com_id" {
  description = "cloudexit: from gcp dns.googleapis.com/ManagedZone //dns.googleapis.com/projects/retail-analytics-prod/managedZones/analytics-example-com"
  value       = ovh_domain_zone.analytics_example_com.id
}

output "firestore_default_id" {
  description = "cloudexit: from gcp firestore.googleapis.com/Database //firestore.googleapis.com/projects/retail-analytics-prod/databases/(default)"
  value       = ovh_cloud_project_database.firestore_default.id
}

output "ana_cache_id" {
  description = "cloudexit: from gcp redis.googleapis.com/Instance //redis.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/instances/ana-cache"
  value       = ovh_cloud_project_database.ana_cache.id
}

output "retail_analytics_prod_exports_id" {
  description = "cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-exports"
  value       = ovh_cloud_project_storage.retail_analytics_prod_exports.id
}

output "retail_analytics_prod_lake_id" {
  description = "cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-lake"
  value       = ovh_cloud_project_storage.retail_analytics_prod_lake.id
}

output "vm_erp_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1"
  value       = ovh_cloud_instance.vm_erp_1.id
}

output "vm_erp_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2"
  value       = ovh_cloud_instance.vm_erp_2.id
}

output "vm_erp_3_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3"
  value       = ovh_cloud_instance.vm_erp_3.id
}

output "vm_erp_4_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4"
  value       = ovh_cloud_instance.vm_erp_4.id
}

output "vm_erp_report_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1"
  value       = ovh_cloud_instance.vm_erp_report_1.id
}

output "vm_erp_report_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2"
  value       = ovh_cloud_instance.vm_erp_report_2.id
}

output "psql_erp_id" {
  description = "cloudexit: from azure microsoft.dbforpostgresql/flexibleservers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.dbforpostgresql/flexibleservers/psql-erp"
  value       = ovh_cloud_project_database.psql_erp.id
}

output "cosmos_portal_id" {
  description = "cloudexit: from azure microsoft.documentdb/databaseaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.documentdb/databaseaccounts/cosmos-portal"
  value       = ovh_cloud_project_database.cosmos_portal.id
}

output "erp_example_com_id" {
  description = "cloudexit: from azure microsoft.network/dnszones /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/dnszones/erp.example.com"
  value       = ovh_domain_zone.erp_example_com.id
}

output "lb_erp_id" {
  description = "cloudexit: from azure microsoft.network/loadbalancers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/loadbalancers/lb-erp"
  value       = ovh_cloud_project_loadbalancer.lb_erp.id
}

output "nsg_erp_id" {
  description = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
  value       = ovh_cloud_security_group.nsg_erp.id
}

output "pip_lb_erp_id" {
  description = "cloudexit: from azure microsoft.network/publicipaddresses /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/publicipaddresses/pip-lb-erp"
  value       = ovh_cloud_floating_ip.pip_lb_erp.id
}

output "sterpdocs_id" {
  description = "cloudexit: from azure microsoft.storage/storageaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.storage/storageaccounts/sterpdocs"
  value       = ovh_cloud_project_storage.sterpdocs.id
}

output "redis_portal_id" {
  description = "cloudexit: from azure microsoft.cache/redis /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.cache/redis/redis-portal"
  value       = ovh_cloud_project_database.redis_portal.id
}

output "acrportal_id" {
  description = "cloudexit: from azure microsoft.containerregistry/registries /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerregistry/registries/acrportal"
  value       = ovh_cloud_project_containerregistry.acrportal.id
}

output "aks_portal_id" {
  description = "cloudexit: from azure microsoft.containerservice/managedclusters /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal"
  value       = ovh_cloud_project_kube.aks_portal.id
}

output "aks_portal_default_id" {
  description = "cloudexit: from azure microsoft.containerservice/managedclusters/agentpools /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal/agentpools/default"
  value       = ovh_cloud_project_kube_nodepool.aks_portal_default.id
}

output "vm_sales_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1"
  value       = ovh_cloud_instance.vm_sales_1.id
}

output "vm_sales_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2"
  value       = ovh_cloud_instance.vm_sales_2.id
}

output "crm_app_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01"
  value       = ovh_cloud_instance.crm_app_1.id
}

output "crm_app_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02"
  value       = ovh_cloud_instance.crm_app_2.id
}

output "shop_nat_ip_id" {
  description = "cloudexit: from aws AWS::EC2::EIP arn:aws:ec2:us-east-1:123456789012:eip/eipalloc-0shopnat"
  value       = ovh_cloud_floating_ip.shop_nat_ip.id
}

output "shop_app_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01"
  value       = ovh_cloud_instance.shop_app_1.id
}

output "shop_app_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02"
  value       = ovh_cloud_instance.shop_app_2.id
}

output "shop_app_3_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03"
  value       = ovh_cloud_instance.shop_app_3.id
}

output "shop_app_4_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04"
  value       = ovh_cloud_instance.shop_app_4.id
}

output "shop_bastion_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion"
  value       = ovh_cloud_instance.shop_bastion.id
}

output "shop_batch_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01"
  value       = ovh_cloud_instance.shop_batch_1.id
}

output "shop_batch_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02"
  value       = ovh_cloud_instance.shop_batch_2.id
}

output "shop_web_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"
  value       = ovh_cloud_instance.shop_web_1.id
}

output "shop_web_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02"
  value       = ovh_cloud_instance.shop_web_2.id
}

output "shop_web_3_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03"
  value       = ovh_cloud_instance.shop_web_3.id
}

output "shop_web_4_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04"
  value       = ovh_cloud_instance.shop_web_4.id
}

output "shop_web_5_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05"
  value       = ovh_cloud_instance.shop_web_5.id
}

output "shop_web_6_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06"
  value       = ovh_cloud_instance.shop_web_6.id
}

output "shop_app_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
  value       = ovh_cloud_security_group.shop_app_sg.id
}

output "shop_web_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
  value       = ovh_cloud_security_group.shop_web_sg.id
}

output "shop_app_1_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01"
  value       = ovh_cloud_storage_block_volume.shop_app_1_data.id
}

output "shop_app_2_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02"
  value       = ovh_cloud_storage_block_volume.shop_app_2_data.id
}

output "shop_app_3_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03"
  value       = ovh_cloud_storage_block_volume.shop_app_3_data.id
}

output "shop_app_4_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04"
  value       = ovh_cloud_storage_block_volume.shop_app_4_data.id
}

output "shop_id" {
  description = "cloudexit: from aws AWS::ECR::Repository arn:aws:ecr:us-east-1:123456789012:repository/shop"
  value       = ovh_cloud_project_containerregistry.shop.id
}

output "shop_k8s_id" {
  description = "cloudexit: from aws AWS::EKS::Cluster arn:aws:eks:us-east-1:123456789012:cluster/shop-k8s"
  value       = ovh_cloud_project_kube.shop_k8s.id
}

output "shop_k8s_compute_id" {
  description = "cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/compute/1a2b3c"
  value       = ovh_cloud_project_kube_nodepool.shop_k8s_compute.id
}

output "shop_k8s_general_id" {
  description = "cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/general/1a2b3c"
  value       = ovh_cloud_project_kube_nodepool.shop_k8s_general.id
}

output "shop_cache_id" {
  description = "cloudexit: from aws AWS::ElastiCache::ReplicationGroup arn:aws:elasticache:us-east-1:123456789012:replicationgroup:shop-cache"
  value       = ovh_cloud_project_database.shop_cache.id
}

output "shop_alb_id" {
  description = "cloudexit: from aws AWS::ElasticLoadBalancingV2::LoadBalancer arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188"
  value       = ovh_cloud_project_loadbalancer.shop_alb.id
}

output "crm_aurora_id" {
  description = "cloudexit: from aws AWS::RDS::DBCluster arn:aws:rds:eu-west-1:123456789012:cluster:crm-aurora"
  value       = ovh_cloud_project_database.crm_aurora.id
}

output "shop_catalog_id" {
  description = "cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-catalog"
  value       = ovh_cloud_project_database.shop_catalog.id
}

output "shop_orders_id" {
  description = "cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-orders"
  value       = ovh_cloud_project_database.shop_orders.id
}

output "shop_example_com_id" {
  description = "cloudexit: from aws AWS::Route53::HostedZone arn:aws:route53:::hostedzone/Z0SHOP123"
  value       = ovh_domain_zone.shop_example_com.id
}

output "crm_documents_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::crm-documents"
  value       = ovh_cloud_project_storage.crm_documents.id
}

output "shop_assets_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-assets"
  value       = ovh_cloud_project_storage.shop_assets.id
}

output "shop_backups_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-backups"
  value       = ovh_cloud_project_storage.shop_backups.id
}

output "shop_invoices_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-invoices"
  value       = ovh_cloud_project_storage.shop_invoices.id
}

output "shop_logs_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-logs"
  value       = ovh_cloud_project_storage.shop_logs.id
}
