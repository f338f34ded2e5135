output "images_id" {
  description = "cloudexit: from gcp artifactregistry.googleapis.com/Repository //artifactregistry.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/repositories/images"
  value       = scaleway_registry_namespace.images.id
}

output "ingest_handler_id" {
  description = "cloudexit: from gcp cloudfunctions.googleapis.com/CloudFunction //cloudfunctions.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/functions/ingest-handler"
  value       = scaleway_function.ingest_handler.id
}

output "ana_mysql_id" {
  description = "cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-mysql"
  value       = scaleway_rdb_instance.ana_mysql.id
}

output "ana_warehouse_pg_id" {
  description = "cloudexit: from gcp sqladmin.googleapis.com/Instance //cloudsql.googleapis.com/projects/retail-analytics-prod/instances/ana-warehouse-pg"
  value       = scaleway_rdb_instance.ana_warehouse_pg.id
}

output "allow_internal_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
  value       = scaleway_instance_security_group.allow_internal.id
}

output "dash_lb_id" {
  description = "cloudexit: from gcp compute.googleapis.com/ForwardingRule //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/forwardingRules/dash-lb"
  value       = scaleway_lb.dash_lb.id
}

output "etl_1_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-1"
  value       = scaleway_block_volume.etl_1.id
}

output "etl_2_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-2"
  value       = scaleway_block_volume.etl_2.id
}

output "etl_3_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-3"
  value       = scaleway_block_volume.etl_3.id
}

output "etl_4_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Disk //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/disks/etl-4"
  value       = scaleway_block_volume.etl_4.id
}

output "etl_1_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1"
  value       = scaleway_instance_server.etl_1.id
}

output "etl_2_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2"
  value       = scaleway_instance_server.etl_2.id
}

output "etl_3_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3"
  value       = scaleway_instance_server.etl_3.id
}

output "etl_4_id_2" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4"
  value       = scaleway_instance_server.etl_4.id
}

output "dash_1_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1"
  value       = scaleway_instance_server.dash_1.id
}

output "dash_2_id" {
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2"
  value       = scaleway_instance_server.dash_2.id
}

output "ana_gke_id" {
  description = "cloudexit: from gcp container.googleapis.com/Cluster //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke"
  value       = scaleway_k8s_cluster.ana_gke.id
}

output "ana_gke_default_id" {
  description = "cloudexit: from gcp container.googleapis.com/NodePool //container.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/clusters/ana-gke/nodePools/default"
  value       = scaleway_k8s_pool.ana_gke_default.id
}

output "analytics_example_com_id" {
  description = "cloudexit: from gcp dns.googleapis.com/ManagedZone //dns.googleapis.com/projects/retail-analytics-prod/managedZones/analytics-example-com"
  value       = scaleway_domain_zone.analytics_example_com.id
}

output "firestore_default_id" {
  description = "cloudexit: from gcp firestore.googleapis.com/Database //firestore.googleapis.com/projects/retail-analytics-prod/databases/(default)"
  value       = scaleway_mongodb_instance.firestore_default.id
}

output "ingest_id" {
  description = "cloudexit: from gcp pubsub.googleapis.com/Topic //pubsub.googleapis.com/projects/retail-analytics-prod/topics/ingest"
  value       = scaleway_mnq_sns_topic.ingest.id
}

output "ana_cache_id" {
  description = "cloudexit: from gcp redis.googleapis.com/Instance //redis.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/instances/ana-cache"
  value       = scaleway_redis_cluster.ana_cache.id
}

output "warehouse_password_id" {
  description = "cloudexit: from gcp secretmanager.googleapis.com/Secret //secretmanager.googleapis.com/projects/retail-analytics-prod/secrets/warehouse-password"
  value       = scaleway_secret.warehouse_password.id
}

output "retail_analytics_prod_exports_id" {
  description = "cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-exports"
  value       = scaleway_object_bucket.retail_analytics_prod_exports.id
}

output "retail_analytics_prod_lake_id" {
  description = "cloudexit: from gcp storage.googleapis.com/Bucket //storage.googleapis.com/retail-analytics-prod-lake"
  value       = scaleway_object_bucket.retail_analytics_prod_lake.id
}

output "vm_erp_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1"
  value       = scaleway_instance_server.vm_erp_1.id
}

output "vm_erp_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2"
  value       = scaleway_instance_server.vm_erp_2.id
}

output "vm_erp_3_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3"
  value       = scaleway_instance_server.vm_erp_3.id
}

output "vm_erp_4_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4"
  value       = scaleway_instance_server.vm_erp_4.id
}

output "vm_erp_report_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1"
  value       = scaleway_instance_server.vm_erp_report_1.id
}

output "vm_erp_report_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2"
  value       = scaleway_instance_server.vm_erp_report_2.id
}

output "psql_erp_id" {
  description = "cloudexit: from azure microsoft.dbforpostgresql/flexibleservers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.dbforpostgresql/flexibleservers/psql-erp"
  value       = scaleway_rdb_instance.psql_erp.id
}

output "cosmos_portal_id" {
  description = "cloudexit: from azure microsoft.documentdb/databaseaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.documentdb/databaseaccounts/cosmos-portal"
  value       = scaleway_mongodb_instance.cosmos_portal.id
}

output "kv_erp_id" {
  description = "cloudexit: from azure microsoft.keyvault/vaults /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.keyvault/vaults/kv-erp"
  value       = scaleway_secret.kv_erp.id
}

output "erp_example_com_id" {
  description = "cloudexit: from azure microsoft.network/dnszones /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/dnszones/erp.example.com"
  value       = scaleway_domain_zone.erp_example_com.id
}

output "lb_erp_id" {
  description = "cloudexit: from azure microsoft.network/loadbalancers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/loadbalancers/lb-erp"
  value       = scaleway_lb.lb_erp.id
}

output "nsg_erp_id" {
  description = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
  value       = scaleway_instance_security_group.nsg_erp.id
}

output "pip_lb_erp_id" {
  description = "cloudexit: from azure microsoft.network/publicipaddresses /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/publicipaddresses/pip-lb-erp"
  value       = scaleway_lb_ip.pip_lb_erp.id
}

output "sb_erp_id" {
  description = "cloudexit: from azure microsoft.servicebus/namespaces /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.servicebus/namespaces/sb-erp"
  value       = scaleway_mnq_sqs_queue.sb_erp.id
}

output "sterpdocs_id" {
  description = "cloudexit: from azure microsoft.storage/storageaccounts /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.storage/storageaccounts/sterpdocs"
  value       = scaleway_object_bucket.sterpdocs.id
}

output "redis_portal_id" {
  description = "cloudexit: from azure microsoft.cache/redis /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.cache/redis/redis-portal"
  value       = scaleway_redis_cluster.redis_portal.id
}

output "acrportal_id" {
  description = "cloudexit: from azure microsoft.containerregistry/registries /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerregistry/registries/acrportal"
  value       = scaleway_registry_namespace.acrportal.id
}

output "aks_portal_id" {
  description = "cloudexit: from azure microsoft.containerservice/managedclusters /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal"
  value       = scaleway_k8s_cluster.aks_portal.id
}

output "aks_portal_default_id" {
  description = "cloudexit: from azure microsoft.containerservice/managedclusters/agentpools /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.containerservice/managedclusters/aks-portal/agentpools/default"
  value       = scaleway_k8s_pool.aks_portal_default.id
}

output "func_portal_events_id" {
  description = "cloudexit: from azure microsoft.web/sites /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.web/sites/func-portal-events"
  value       = scaleway_function.func_portal_events.id
}

output "vm_sales_1_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1"
  value       = scaleway_instance_server.vm_sales_1.id
}

output "vm_sales_2_id" {
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2"
  value       = scaleway_instance_server.vm_sales_2.id
}

output "crm_app_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01"
  value       = scaleway_instance_server.crm_app_1.id
}

output "crm_app_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02"
  value       = scaleway_instance_server.crm_app_2.id
}

output "shop_nat_ip_id" {
  description = "cloudexit: from aws AWS::EC2::EIP arn:aws:ec2:us-east-1:123456789012:eip/eipalloc-0shopnat"
  value       = scaleway_instance_ip.shop_nat_ip.id
}

output "shop_app_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01"
  value       = scaleway_instance_server.shop_app_1.id
}

output "shop_app_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02"
  value       = scaleway_instance_server.shop_app_2.id
}

output "shop_app_3_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03"
  value       = scaleway_instance_server.shop_app_3.id
}

output "shop_app_4_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04"
  value       = scaleway_instance_server.shop_app_4.id
}

output "shop_bastion_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion"
  value       = scaleway_instance_server.shop_bastion.id
}

output "shop_batch_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01"
  value       = scaleway_instance_server.shop_batch_1.id
}

output "shop_batch_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02"
  value       = scaleway_instance_server.shop_batch_2.id
}

output "shop_web_1_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"
  value       = scaleway_instance_server.shop_web_1.id
}

output "shop_web_2_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02"
  value       = scaleway_instance_server.shop_web_2.id
}

output "shop_web_3_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03"
  value       = scaleway_instance_server.shop_web_3.id
}

output "shop_web_4_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04"
  value       = scaleway_instance_server.shop_web_4.id
}

output "shop_web_5_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05"
  value       = scaleway_instance_server.shop_web_5.id
}

output "shop_web_6_id" {
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06"
  value       = scaleway_instance_server.shop_web_6.id
}

output "shop_app_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
  value       = scaleway_instance_security_group.shop_app_sg.id
}

output "shop_web_sg_id" {
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
  value       = scaleway_instance_security_group.shop_web_sg.id
}

output "shop_app_1_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app01"
  value       = scaleway_block_volume.shop_app_1_data.id
}

output "shop_app_2_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app02"
  value       = scaleway_block_volume.shop_app_2_data.id
}

output "shop_app_3_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app03"
  value       = scaleway_block_volume.shop_app_3_data.id
}

output "shop_app_4_data_id" {
  description = "cloudexit: from aws AWS::EC2::Volume arn:aws:ec2:us-east-1:123456789012:volume/vol-app04"
  value       = scaleway_block_volume.shop_app_4_data.id
}

output "shop_id" {
  description = "cloudexit: from aws AWS::ECR::Repository arn:aws:ecr:us-east-1:123456789012:repository/shop"
  value       = scaleway_registry_namespace.shop.id
}

output "shop_k8s_id" {
  description = "cloudexit: from aws AWS::EKS::Cluster arn:aws:eks:us-east-1:123456789012:cluster/shop-k8s"
  value       = scaleway_k8s_cluster.shop_k8s.id
}

output "shop_k8s_compute_id" {
  description = "cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/compute/1a2b3c"
  value       = scaleway_k8s_pool.shop_k8s_compute.id
}

output "shop_k8s_general_id" {
  description = "cloudexit: from aws AWS::EKS::Nodegroup arn:aws:eks:us-east-1:123456789012:nodegroup/shop-k8s/general/1a2b3c"
  value       = scaleway_k8s_pool.shop_k8s_general.id
}

output "shop_cache_id" {
  description = "cloudexit: from aws AWS::ElastiCache::ReplicationGroup arn:aws:elasticache:us-east-1:123456789012:replicationgroup:shop-cache"
  value       = scaleway_redis_cluster.shop_cache.id
}

output "shop_alb_id" {
  description = "cloudexit: from aws AWS::ElasticLoadBalancingV2::LoadBalancer arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188"
  value       = scaleway_lb.shop_alb.id
}

output "shop_invoice_pdf_id" {
  description = "cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-invoice-pdf"
  value       = scaleway_function.shop_invoice_pdf.id
}

output "shop_thumbnailer_id" {
  description = "cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-thumbnailer"
  value       = scaleway_function.shop_thumbnailer.id
}

output "shop_webhooks_id" {
  description = "cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-webhooks"
  value       = scaleway_function.shop_webhooks.id
}

output "crm_aurora_id" {
  description = "cloudexit: from aws AWS::RDS::DBCluster arn:aws:rds:eu-west-1:123456789012:cluster:crm-aurora"
  value       = scaleway_rdb_instance.crm_aurora.id
}

output "shop_catalog_id" {
  description = "cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-catalog"
  value       = scaleway_rdb_instance.shop_catalog.id
}

output "shop_orders_id" {
  description = "cloudexit: from aws AWS::RDS::DBInstance arn:aws:rds:us-east-1:123456789012:db:shop-orders"
  value       = scaleway_rdb_instance.shop_orders.id
}

output "shop_example_com_id" {
  description = "cloudexit: from aws AWS::Route53::HostedZone arn:aws:route53:::hostedzone/Z0SHOP123"
  value       = scaleway_domain_zone.shop_example_com.id
}

output "crm_documents_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::crm-documents"
  value       = scaleway_object_bucket.crm_documents.id
}

output "shop_assets_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-assets"
  value       = scaleway_object_bucket.shop_assets.id
}

output "shop_backups_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-backups"
  value       = scaleway_object_bucket.shop_backups.id
}

output "shop_invoices_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-invoices"
  value       = scaleway_object_bucket.shop_invoices.id
}

output "shop_logs_id" {
  description = "cloudexit: from aws AWS::S3::Bucket arn:aws:s3:::shop-logs"
  value       = scaleway_object_bucket.shop_logs.id
}

output "shop_db_orders_id" {
  description = "cloudexit: from aws AWS::SecretsManager::Secret arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-orders"
  value       = scaleway_secret.shop_db_orders.id
}

output "shop_payment_api_id" {
  description = "cloudexit: from aws AWS::SecretsManager::Secret arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/payment-api"
  value       = scaleway_secret.shop_payment_api.id
}

output "shop_events_id" {
  description = "cloudexit: from aws AWS::SNS::Topic arn:aws:sns:us-east-1:123456789012:shop-events"
  value       = scaleway_mnq_sns_topic.shop_events.id
}

output "shop_email_queue_id" {
  description = "cloudexit: from aws AWS::SQS::Queue arn:aws:sqs:us-east-1:123456789012:shop-email-queue"
  value       = scaleway_mnq_sqs_queue.shop_email_queue.id
}

output "shop_orders_queue_id" {
  description = "cloudexit: from aws AWS::SQS::Queue arn:aws:sqs:us-east-1:123456789012:shop-orders-queue"
  value       = scaleway_mnq_sqs_queue.shop_orders_queue.id
}
