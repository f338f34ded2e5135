# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1
resource "ionoscloud_server" "etl_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "etl-1"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["etl-1"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.allow_internal.id]
  label {
    key   = "app"
    value = "analytics"
  }
  label {
    key   = "classification"
    value = "internal"
  }
  label {
    key   = "cloudexit-source"
    value = "gcp-etl-1"
  }
  label {
    key   = "colocate"
    value = "analytics-etl"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-data"
  }
  volume {
    name      = "etl-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.analytics_ew1.id
    name = "etl-1-private"
    dhcp = true
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2
resource "ionoscloud_server" "etl_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "etl-2"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["etl-2"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.allow_internal.id]
  label {
    key   = "app"
    value = "analytics"
  }
  label {
    key   = "classification"
    value = "internal"
  }
  label {
    key   = "cloudexit-source"
    value = "gcp-etl-2"
  }
  label {
    key   = "colocate"
    value = "analytics-etl"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-data"
  }
  volume {
    name      = "etl-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.analytics_ew1.id
    name = "etl-2-private"
    dhcp = true
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3
resource "ionoscloud_server" "etl_3" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "etl-3"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["etl-3"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.allow_internal.id]
  label {
    key   = "app"
    value = "analytics"
  }
  label {
    key   = "classification"
    value = "internal"
  }
  label {
    key   = "cloudexit-source"
    value = "gcp-etl-3"
  }
  label {
    key   = "colocate"
    value = "analytics-etl"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-data"
  }
  volume {
    name      = "etl-3-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.analytics_ew1.id
    name = "etl-3-private"
    dhcp = true
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4
resource "ionoscloud_server" "etl_4" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "etl-4"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["etl-4"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.allow_internal.id]
  label {
    key   = "app"
    value = "analytics"
  }
  label {
    key   = "classification"
    value = "internal"
  }
  label {
    key   = "cloudexit-source"
    value = "gcp-etl-4"
  }
  label {
    key   = "colocate"
    value = "analytics-etl"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-data"
  }
  volume {
    name      = "etl-4-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.analytics_ew1.id
    name = "etl-4-private"
    dhcp = true
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1
resource "ionoscloud_server" "dash_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "dash-1"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["dash-1"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "analytics"
  }
  label {
    key   = "classification"
    value = "internal"
  }
  label {
    key   = "cloudexit-source"
    value = "gcp-dash-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "dash"
  }
  label {
    key   = "owner"
    value = "team-data"
  }
  volume {
    name      = "dash-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.analytics_ew1.id
    name = "dash-1-private"
    dhcp = true
  }
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2
resource "ionoscloud_server" "dash_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "dash-2"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["dash-2"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "analytics"
  }
  label {
    key   = "classification"
    value = "internal"
  }
  label {
    key   = "cloudexit-source"
    value = "gcp-dash-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "dash"
  }
  label {
    key   = "owner"
    value = "team-data"
  }
  volume {
    name      = "dash-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.analytics_ew1.id
    name = "dash-2-private"
    dhcp = true
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1
resource "ionoscloud_server" "vm_erp_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-erp-1"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["vm-erp-1"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.nsg_erp.id]
  label {
    key   = "app"
    value = "erp"
  }
  label {
    key   = "classification"
    value = "confidential"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-erp-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "erp-1"
  }
  label {
    key   = "owner"
    value = "team-erp"
  }
  volume {
    name      = "vm-erp-1-boot"
    size      = 128
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-erp-1-private"
    dhcp = true
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2
resource "ionoscloud_server" "vm_erp_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-erp-2"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["vm-erp-2"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.nsg_erp.id]
  label {
    key   = "app"
    value = "erp"
  }
  label {
    key   = "classification"
    value = "confidential"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-erp-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "erp-1"
  }
  label {
    key   = "owner"
    value = "team-erp"
  }
  volume {
    name      = "vm-erp-2-boot"
    size      = 128
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-erp-2-private"
    dhcp = true
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3
resource "ionoscloud_server" "vm_erp_3" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-erp-3"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["vm-erp-3"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.nsg_erp.id]
  label {
    key   = "app"
    value = "erp"
  }
  label {
    key   = "classification"
    value = "confidential"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-erp-3"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "erp-2"
  }
  label {
    key   = "owner"
    value = "team-erp"
  }
  volume {
    name      = "vm-erp-3-boot"
    size      = 128
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-erp-3-private"
    dhcp = true
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4
resource "ionoscloud_server" "vm_erp_4" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-erp-4"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["vm-erp-4"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.nsg_erp.id]
  label {
    key   = "app"
    value = "erp"
  }
  label {
    key   = "classification"
    value = "confidential"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-erp-4"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "erp-2"
  }
  label {
    key   = "owner"
    value = "team-erp"
  }
  volume {
    name      = "vm-erp-4-boot"
    size      = 128
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-erp-4-private"
    dhcp = true
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1
resource "ionoscloud_server" "vm_erp_report_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-erp-report-1"
  type              = "ENTERPRISE"
  cores             = 8
  ram               = 65536
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["vm-erp-report-1"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "erp"
  }
  label {
    key   = "classification"
    value = "confidential"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-erp-report-1"
  }
  label {
    key   = "colocate"
    value = "erp-reporting"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-erp"
  }
  volume {
    name      = "vm-erp-report-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-erp-report-1-private"
    dhcp = true
  }
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2
resource "ionoscloud_server" "vm_erp_report_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-erp-report-2"
  type              = "ENTERPRISE"
  cores             = 8
  ram               = 65536
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["vm-erp-report-2"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "erp"
  }
  label {
    key   = "classification"
    value = "confidential"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-erp-report-2"
  }
  label {
    key   = "colocate"
    value = "erp-reporting"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-erp"
  }
  volume {
    name      = "vm-erp-report-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-erp-report-2-private"
    dhcp = true
  }
}

# subnet: vm-sales-1 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1
resource "ionoscloud_server" "vm_sales_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-sales-1"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["vm-sales-1"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "sales"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-sales-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-sales"
  }
  volume {
    name      = "vm-sales-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-sales-1-private"
    dhcp = true
  }
}

# subnet: vm-sales-2 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2
resource "ionoscloud_server" "vm_sales_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "vm-sales-2"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["vm-sales-2"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "sales"
  }
  label {
    key   = "cloudexit-source"
    value = "azure-vm-sales-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-sales"
  }
  volume {
    name      = "vm-sales-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.snet_app.id
    name = "vm-sales-2-private"
    dhcp = true
  }
}

# subnet: crm-app-1 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01
resource "ionoscloud_server" "crm_app_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "crm-app-1"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["crm-app-1"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "crm"
  }
  label {
    key   = "classification"
    value = "secret"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-crm-app-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "crm"
  }
  label {
    key   = "owner"
    value = "team-crm"
  }
  volume {
    name      = "crm-app-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "crm-app-1-private"
    dhcp = true
  }
}

# subnet: crm-app-2 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02
resource "ionoscloud_server" "crm_app_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "crm-app-2"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name = var.migrated_images["crm-app-2"]
  ssh_keys   = var.ssh_public_keys
  label {
    key   = "app"
    value = "crm"
  }
  label {
    key   = "classification"
    value = "secret"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-crm-app-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "crm"
  }
  label {
    key   = "owner"
    value = "team-crm"
  }
  volume {
    name      = "crm-app-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "crm-app-2-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01
resource "ionoscloud_server" "shop_app_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-app-1"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-app-1"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_app_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-app-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "app-1"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "app"
  }
  volume {
    name      = "shop-app-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "shop-app-1-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02
resource "ionoscloud_server" "shop_app_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-app-2"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-app-2"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_app_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-app-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "app-1"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "app"
  }
  volume {
    name      = "shop-app-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "shop-app-2-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03
resource "ionoscloud_server" "shop_app_3" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-app-3"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-app-3"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_app_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-app-3"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "app-2"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "app"
  }
  volume {
    name      = "shop-app-3-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "shop-app-3-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04
resource "ionoscloud_server" "shop_app_4" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-app-4"
  type              = "ENTERPRISE"
  cores             = 4
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-app-4"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_app_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-app-4"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "ha-pair"
    value = "app-2"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "app"
  }
  volume {
    name      = "shop-app-4-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "shop-app-4-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion
resource "ionoscloud_server" "shop_bastion" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-bastion"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 1024
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-bastion"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-bastion"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "admin"
  }
  volume {
    name      = "shop-bastion-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-bastion-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01
resource "ionoscloud_server" "shop_batch_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-batch-1"
  type              = "ENTERPRISE"
  cores             = 8
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-batch-1"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_app_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-batch-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "batch"
  }
  volume {
    name      = "shop-batch-1-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "shop-batch-1-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02
resource "ionoscloud_server" "shop_batch_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-batch-2"
  type              = "ENTERPRISE"
  cores             = 8
  ram               = 16384
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-batch-2"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_app_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-batch-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "batch"
  }
  volume {
    name      = "shop-batch-2-boot"
    size      = 20
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_app.id
    name = "shop-batch-2-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01
resource "ionoscloud_server" "shop_web_1" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-web-1"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-web-1"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-web-1"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "web"
  }
  volume {
    name      = "shop-web-1-boot"
    size      = 50
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-web-1-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02
resource "ionoscloud_server" "shop_web_2" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-web-2"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-web-2"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-web-2"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "web"
  }
  volume {
    name      = "shop-web-2-boot"
    size      = 50
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-web-2-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03
resource "ionoscloud_server" "shop_web_3" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-web-3"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-web-3"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-web-3"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "web"
  }
  volume {
    name      = "shop-web-3-boot"
    size      = 50
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-web-3-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04
resource "ionoscloud_server" "shop_web_4" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-web-4"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-web-4"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-web-4"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "web"
  }
  volume {
    name      = "shop-web-4-boot"
    size      = 50
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-web-4-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05
resource "ionoscloud_server" "shop_web_5" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-web-5"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-web-5"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-web-5"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "web"
  }
  volume {
    name      = "shop-web-5-boot"
    size      = 50
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-web-5-private"
    dhcp = true
  }
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06
resource "ionoscloud_server" "shop_web_6" {
  datacenter_id     = ionoscloud_datacenter.main.id
  name              = "shop-web-6"
  type              = "ENTERPRISE"
  cores             = 2
  ram               = 8192
  availability_zone = "AUTO"
  # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
  image_name          = var.migrated_images["shop-web-6"]
  ssh_keys            = var.ssh_public_keys
  security_groups_ids = [ionoscloud_nsg.shop_web_sg.id]
  label {
    key   = "app"
    value = "shop"
  }
  label {
    key   = "cloudexit-source"
    value = "aws-shop-web-6"
  }
  label {
    key   = "env"
    value = "prod"
  }
  label {
    key   = "owner"
    value = "team-web"
  }
  label {
    key   = "tier"
    value = "web"
  }
  volume {
    name      = "shop-web-6-boot"
    size      = 50
    disk_type = "SSD Standard"
  }
  nic {
    lan  = ionoscloud_lan.shop_public.id
    name = "shop-web-6-private"
    dhcp = true
  }
}
