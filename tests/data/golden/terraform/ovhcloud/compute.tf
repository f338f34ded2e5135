# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=analytics, classification=internal, colocate=analytics-etl, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1
resource "ovh_cloud_instance" "etl_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["etl-1"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.allow_internal.id]
  volume_ids         = [ovh_cloud_storage_block_volume.etl_1.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.analytics.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=analytics, classification=internal, colocate=analytics-etl, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2
resource "ovh_cloud_instance" "etl_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["etl-2"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.allow_internal.id]
  volume_ids         = [ovh_cloud_storage_block_volume.etl_2.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.analytics.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=analytics, classification=internal, colocate=analytics-etl, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3
resource "ovh_cloud_instance" "etl_3" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-3"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["etl-3"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.allow_internal.id]
  volume_ids         = [ovh_cloud_storage_block_volume.etl_3.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.analytics.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=analytics, classification=internal, colocate=analytics-etl, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4
resource "ovh_cloud_instance" "etl_4" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "etl-4"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["etl-4"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.allow_internal.id]
  volume_ids         = [ovh_cloud_storage_block_volume.etl_4.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.analytics.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, ha-pair=dash, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1
resource "ovh_cloud_instance" "dash_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "dash-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["dash-1"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.analytics.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, ha-pair=dash, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2
resource "ovh_cloud_instance" "dash_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "dash-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["dash-2"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.analytics.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.analytics_ew1.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, ha-pair=erp-1, owner=team-erp
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1
resource "ovh_cloud_instance" "vm_erp_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-erp-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["vm-erp-1"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.nsg_erp.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
      ip         = "10.40.1.32"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, ha-pair=erp-1, owner=team-erp
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2
resource "ovh_cloud_instance" "vm_erp_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-erp-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["vm-erp-2"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.nsg_erp.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
      ip         = "10.40.1.33"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, ha-pair=erp-2, owner=team-erp
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3
resource "ovh_cloud_instance" "vm_erp_3" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-erp-3"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["vm-erp-3"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.nsg_erp.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
      ip         = "10.40.1.34"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, ha-pair=erp-2, owner=team-erp
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4
resource "ovh_cloud_instance" "vm_erp_4" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-erp-4"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["vm-erp-4"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.nsg_erp.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
      ip         = "10.40.1.35"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=erp, classification=confidential, colocate=erp-reporting, env=prod, owner=team-erp
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1
resource "ovh_cloud_instance" "vm_erp_report_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-erp-report-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["vm-erp-report-1"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=erp, classification=confidential, colocate=erp-reporting, env=prod, owner=team-erp
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2
resource "ovh_cloud_instance" "vm_erp_report_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-erp-report-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["vm-erp-report-2"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=sales, env=prod, owner=team-sales
# subnet: vm-sales-1 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1
resource "ovh_cloud_instance" "vm_sales_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-sales-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["vm-sales-1"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=sales, env=prod, owner=team-sales
# subnet: vm-sales-2 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2
resource "ovh_cloud_instance" "vm_sales_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "vm-sales-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["vm-sales-2"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.vnet_erp.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.snet_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=crm, classification=secret, env=prod, ha-pair=crm, owner=team-crm
# subnet: crm-app-1 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01
resource "ovh_cloud_instance" "crm_app_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "crm-app-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["crm-app-1"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=crm, classification=secret, env=prod, ha-pair=crm, owner=team-crm
# subnet: crm-app-2 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02
resource "ovh_cloud_instance" "crm_app_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "crm-app-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id     = var.migrated_image_ids["crm-app-2"]
  ssh_key_name = var.ssh_key_name
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, ha-pair=app-1, owner=team-web, tier=app
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01
resource "ovh_cloud_instance" "shop_app_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-app-1"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_app_sg.id]
  volume_ids         = [ovh_cloud_storage_block_volume.shop_app_1_data.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, ha-pair=app-1, owner=team-web, tier=app
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02
resource "ovh_cloud_instance" "shop_app_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-app-2"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_app_sg.id]
  volume_ids         = [ovh_cloud_storage_block_volume.shop_app_2_data.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, ha-pair=app-2, owner=team-web, tier=app
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03
resource "ovh_cloud_instance" "shop_app_3" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-3"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-app-3"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_app_sg.id]
  volume_ids         = [ovh_cloud_storage_block_volume.shop_app_3_data.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, ha-pair=app-2, owner=team-web, tier=app
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04
resource "ovh_cloud_instance" "shop_app_4" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-4"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-app-4"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_app_sg.id]
  volume_ids         = [ovh_cloud_storage_block_volume.shop_app_4_data.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=admin
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion
resource "ovh_cloud_instance" "shop_bastion" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-bastion"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-bastion"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=batch
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01
resource "ovh_cloud_instance" "shop_batch_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-batch-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-batch-1"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_app_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=batch
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02
resource "ovh_cloud_instance" "shop_batch_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-batch-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-batch-2"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_app_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_app.id
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=web
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01
resource "ovh_cloud_instance" "shop_web_1" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-1"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-web-1"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
      ip         = "10.20.0.61"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=web
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02
resource "ovh_cloud_instance" "shop_web_2" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-2"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-web-2"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
      ip         = "10.20.0.62"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=web
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03
resource "ovh_cloud_instance" "shop_web_3" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-3"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-web-3"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
      ip         = "10.20.0.63"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=web
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04
resource "ovh_cloud_instance" "shop_web_4" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-4"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-web-4"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
      ip         = "10.20.0.64"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=web
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05
resource "ovh_cloud_instance" "shop_web_5" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-5"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-web-5"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
      ip         = "10.20.0.65"
    },
  ]
}

# warning: source tags not written, ovh_cloud_instance has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web, tier=web
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06
resource "ovh_cloud_instance" "shop_web_6" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-6"
  flavor_id    = var.flavor_ids["b3-16"]
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_id           = var.migrated_image_ids["shop-web-6"]
  ssh_key_name       = var.ssh_key_name
  security_group_ids = [ovh_cloud_security_group.shop_web_sg.id]
  networks = [
    {
      network_id = ovh_cloud_network_private_vrack.shop_vpc.id
      subnet_id  = ovh_cloud_network_private_vrack_subnet.shop_public.id
      ip         = "10.20.0.66"
    },
  ]
}
