# cloudexit: from gcp cloudfunctions.googleapis.com/CloudFunction //cloudfunctions.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/functions/ingest-handler
# Deploy the code with zip_file/zip_hash or the Scaleway CLI; the handler is the usual default.
resource "scaleway_function" "ingest_handler" {
  namespace_id = scaleway_function_namespace.functions.id
  name         = "ingest-handler"
  description  = "cloudexit: from gcp cloudfunctions.googleapis.com/CloudFunction //cloudfunctions.googleapis.com/projects/retail-analytics-prod/locations/europe-west1/functions/ingest-handler"
  runtime      = "python312"
  handler      = "handler.handle"
  privacy      = "private"
  memory_limit = 512
  deploy       = false
  tags         = ["app=analytics", "classification=internal", "cloudexit-source=gcp-ingest-handler", "env=prod", "owner=team-data"]
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1
resource "scaleway_instance_server" "etl_1" {
  name = "etl-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["etl-1"]
  tags                  = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-1", "colocate=analytics-etl", "env=prod", "owner=team-data"]
  security_group_id     = scaleway_instance_security_group.allow_internal.id
  additional_volume_ids = [scaleway_block_volume.etl_1.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2
resource "scaleway_instance_server" "etl_2" {
  name = "etl-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["etl-2"]
  tags                  = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-2", "colocate=analytics-etl", "env=prod", "owner=team-data"]
  security_group_id     = scaleway_instance_security_group.allow_internal.id
  additional_volume_ids = [scaleway_block_volume.etl_2.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3
resource "scaleway_instance_server" "etl_3" {
  name = "etl-3"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["etl-3"]
  tags                  = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-3", "colocate=analytics-etl", "env=prod", "owner=team-data"]
  security_group_id     = scaleway_instance_security_group.allow_internal.id
  additional_volume_ids = [scaleway_block_volume.etl_3.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4
resource "scaleway_instance_server" "etl_4" {
  name = "etl-4"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["etl-4"]
  tags                  = ["app=analytics", "classification=internal", "cloudexit-source=gcp-etl-4", "colocate=analytics-etl", "env=prod", "owner=team-data"]
  security_group_id     = scaleway_instance_security_group.allow_internal.id
  additional_volume_ids = [scaleway_block_volume.etl_4.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1
resource "scaleway_instance_server" "dash_1" {
  name = "dash-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["dash-1"]
  tags  = ["app=analytics", "classification=internal", "cloudexit-source=gcp-dash-1", "env=prod", "ha-pair=dash", "owner=team-data"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2
resource "scaleway_instance_server" "dash_2" {
  name = "dash-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["dash-2"]
  tags  = ["app=analytics", "classification=internal", "cloudexit-source=gcp-dash-2", "env=prod", "ha-pair=dash", "owner=team-data"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.analytics_ew1.id
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1
resource "scaleway_instance_server" "vm_erp_1" {
  name = "vm-erp-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["vm-erp-1"]
  tags              = ["app=erp", "classification=confidential", "cloudexit-source=azure-vm-erp-1", "env=prod", "ha-pair=erp-1", "owner=team-erp"]
  security_group_id = scaleway_instance_security_group.nsg_erp.id
  root_volume {
    size_in_gb  = 128
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2
resource "scaleway_instance_server" "vm_erp_2" {
  name = "vm-erp-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["vm-erp-2"]
  tags              = ["app=erp", "classification=confidential", "cloudexit-source=azure-vm-erp-2", "env=prod", "ha-pair=erp-1", "owner=team-erp"]
  security_group_id = scaleway_instance_security_group.nsg_erp.id
  root_volume {
    size_in_gb  = 128
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3
resource "scaleway_instance_server" "vm_erp_3" {
  name = "vm-erp-3"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["vm-erp-3"]
  tags              = ["app=erp", "classification=confidential", "cloudexit-source=azure-vm-erp-3", "env=prod", "ha-pair=erp-2", "owner=team-erp"]
  security_group_id = scaleway_instance_security_group.nsg_erp.id
  root_volume {
    size_in_gb  = 128
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4
resource "scaleway_instance_server" "vm_erp_4" {
  name = "vm-erp-4"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["vm-erp-4"]
  tags              = ["app=erp", "classification=confidential", "cloudexit-source=azure-vm-erp-4", "env=prod", "ha-pair=erp-2", "owner=team-erp"]
  security_group_id = scaleway_instance_security_group.nsg_erp.id
  root_volume {
    size_in_gb  = 128
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1
resource "scaleway_instance_server" "vm_erp_report_1" {
  name = "vm-erp-report-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["vm-erp-report-1"]
  tags  = ["app=erp", "classification=confidential", "cloudexit-source=azure-vm-erp-report-1", "colocate=erp-reporting", "env=prod", "owner=team-erp"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2
resource "scaleway_instance_server" "vm_erp_report_2" {
  name = "vm-erp-report-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["vm-erp-report-2"]
  tags  = ["app=erp", "classification=confidential", "cloudexit-source=azure-vm-erp-report-2", "colocate=erp-reporting", "env=prod", "owner=team-erp"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# cloudexit: from azure microsoft.web/sites /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.web/sites/func-portal-events
# Deploy the code with zip_file/zip_hash or the Scaleway CLI; the handler is the usual default.
# Node.js 18 (node18) is not offered: node20 (Node.js 20) is the closest newer runtime offered, an upgrade to test the function's code and dependencies on
resource "scaleway_function" "func_portal_events" {
  namespace_id = scaleway_function_namespace.functions.id
  name         = "func-portal-events"
  description  = "cloudexit: from azure microsoft.web/sites /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-portal/providers/microsoft.web/sites/func-portal-events"
  runtime      = "node20"
  handler      = "handler.handle"
  privacy      = "private"
  memory_limit = 1536
  deploy       = false
  tags         = ["app=portal", "classification=confidential", "cloudexit-source=azure-func-portal-events", "env=prod", "owner=team-erp"]
}

# subnet: vm-sales-1 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1
resource "scaleway_instance_server" "vm_sales_1" {
  name = "vm-sales-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["vm-sales-1"]
  tags  = ["app=sales", "cloudexit-source=azure-vm-sales-1", "env=prod", "owner=team-sales"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# subnet: vm-sales-2 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2
resource "scaleway_instance_server" "vm_sales_2" {
  name = "vm-sales-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["vm-sales-2"]
  tags  = ["app=sales", "cloudexit-source=azure-vm-sales-2", "env=prod", "owner=team-sales"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.snet_app.id
  }
}

# subnet: crm-app-1 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01
resource "scaleway_instance_server" "crm_app_1" {
  name = "crm-app-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["crm-app-1"]
  tags  = ["app=crm", "classification=secret", "cloudexit-source=aws-crm-app-1", "env=prod", "ha-pair=crm", "owner=team-crm"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# subnet: crm-app-2 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02
resource "scaleway_instance_server" "crm_app_2" {
  name = "crm-app-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image = var.migrated_images["crm-app-2"]
  tags  = ["app=crm", "classification=secret", "cloudexit-source=aws-crm-app-2", "env=prod", "ha-pair=crm", "owner=team-crm"]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01
resource "scaleway_instance_server" "shop_app_1" {
  name = "shop-app-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["shop-app-1"]
  tags                  = ["app=shop", "cloudexit-source=aws-shop-app-1", "env=prod", "ha-pair=app-1", "owner=team-web", "tier=app"]
  security_group_id     = scaleway_instance_security_group.shop_app_sg.id
  additional_volume_ids = [scaleway_block_volume.shop_app_1_data.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02
resource "scaleway_instance_server" "shop_app_2" {
  name = "shop-app-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["shop-app-2"]
  tags                  = ["app=shop", "cloudexit-source=aws-shop-app-2", "env=prod", "ha-pair=app-1", "owner=team-web", "tier=app"]
  security_group_id     = scaleway_instance_security_group.shop_app_sg.id
  additional_volume_ids = [scaleway_block_volume.shop_app_2_data.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03
resource "scaleway_instance_server" "shop_app_3" {
  name = "shop-app-3"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["shop-app-3"]
  tags                  = ["app=shop", "cloudexit-source=aws-shop-app-3", "env=prod", "ha-pair=app-2", "owner=team-web", "tier=app"]
  security_group_id     = scaleway_instance_security_group.shop_app_sg.id
  additional_volume_ids = [scaleway_block_volume.shop_app_3_data.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04
resource "scaleway_instance_server" "shop_app_4" {
  name = "shop-app-4"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image                 = var.migrated_images["shop-app-4"]
  tags                  = ["app=shop", "cloudexit-source=aws-shop-app-4", "env=prod", "ha-pair=app-2", "owner=team-web", "tier=app"]
  security_group_id     = scaleway_instance_security_group.shop_app_sg.id
  additional_volume_ids = [scaleway_block_volume.shop_app_4_data.id]
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion
resource "scaleway_instance_server" "shop_bastion" {
  name = "shop-bastion"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-bastion"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-bastion", "env=prod", "owner=team-web", "tier=admin"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01
resource "scaleway_instance_server" "shop_batch_1" {
  name = "shop-batch-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-batch-1"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-batch-1", "env=prod", "owner=team-web", "tier=batch"]
  security_group_id = scaleway_instance_security_group.shop_app_sg.id
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02
resource "scaleway_instance_server" "shop_batch_2" {
  name = "shop-batch-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-batch-2"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-batch-2", "env=prod", "owner=team-web", "tier=batch"]
  security_group_id = scaleway_instance_security_group.shop_app_sg.id
  root_volume {
    size_in_gb  = 20
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_app.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01
resource "scaleway_instance_server" "shop_web_1" {
  name = "shop-web-1"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-web-1"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-web-1", "env=prod", "owner=team-web", "tier=web"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 50
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02
resource "scaleway_instance_server" "shop_web_2" {
  name = "shop-web-2"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-web-2"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-web-2", "env=prod", "owner=team-web", "tier=web"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 50
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03
resource "scaleway_instance_server" "shop_web_3" {
  name = "shop-web-3"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-web-3"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-web-3", "env=prod", "owner=team-web", "tier=web"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 50
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04
resource "scaleway_instance_server" "shop_web_4" {
  name = "shop-web-4"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-web-4"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-web-4", "env=prod", "owner=team-web", "tier=web"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 50
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05
resource "scaleway_instance_server" "shop_web_5" {
  name = "shop-web-5"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-web-5"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-web-5", "env=prod", "owner=team-web", "tier=web"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 50
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06
resource "scaleway_instance_server" "shop_web_6" {
  name = "shop-web-6"
  type = "PRO2-S"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image             = var.migrated_images["shop-web-6"]
  tags              = ["app=shop", "cloudexit-source=aws-shop-web-6", "env=prod", "owner=team-web", "tier=web"]
  security_group_id = scaleway_instance_security_group.shop_web_sg.id
  root_volume {
    size_in_gb  = 50
    volume_type = "sbs_volume"
  }
  private_network {
    pn_id = scaleway_vpc_private_network.shop_public.id
  }
}

# cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-invoice-pdf
# Deploy the code with zip_file/zip_hash or the Scaleway CLI; the handler is the usual default.
resource "scaleway_function" "shop_invoice_pdf" {
  namespace_id = scaleway_function_namespace.functions.id
  name         = "shop-invoice-pdf"
  description  = "cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-invoice-pdf"
  runtime      = "python312"
  handler      = "handler.handle"
  privacy      = "private"
  memory_limit = 512
  deploy       = false
  tags         = ["app=shop", "cloudexit-source=aws-shop-invoice-pdf", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-thumbnailer
# Deploy the code with zip_file/zip_hash or the Scaleway CLI; the handler is the usual default.
resource "scaleway_function" "shop_thumbnailer" {
  namespace_id = scaleway_function_namespace.functions.id
  name         = "shop-thumbnailer"
  description  = "cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-thumbnailer"
  runtime      = "python312"
  handler      = "handler.handle"
  privacy      = "private"
  memory_limit = 1024
  deploy       = false
  tags         = ["app=shop", "cloudexit-source=aws-shop-thumbnailer", "env=prod", "owner=team-web"]
}

# cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-webhooks
# Deploy the code with zip_file/zip_hash or the Scaleway CLI; the handler is the usual default.
resource "scaleway_function" "shop_webhooks" {
  namespace_id = scaleway_function_namespace.functions.id
  name         = "shop-webhooks"
  description  = "cloudexit: from aws AWS::Lambda::Function arn:aws:lambda:us-east-1:123456789012:function:shop-webhooks"
  runtime      = "python312"
  handler      = "handler.handle"
  privacy      = "private"
  memory_limit = 256
  deploy       = false
  tags         = ["app=shop", "cloudexit-source=aws-shop-webhooks", "env=prod", "owner=team-web"]
}
