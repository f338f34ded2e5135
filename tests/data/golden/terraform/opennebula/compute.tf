# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1
resource "opennebula_virtual_machine" "etl_1" {
  name        = "etl-1"
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-1"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-1"
    "colocate"         = "analytics-etl"
    "env"              = "prod"
    "owner"            = "team-data"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["etl-1"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.etl_1.id
  }
  nic {
    network_id      = opennebula_virtual_network.analytics_ew1.id
    security_groups = [opennebula_security_group.allow_internal.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.analytics_ew1]
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2
resource "opennebula_virtual_machine" "etl_2" {
  name        = "etl-2"
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-2"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-2"
    "colocate"         = "analytics-etl"
    "env"              = "prod"
    "owner"            = "team-data"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["etl-2"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.etl_2.id
  }
  nic {
    network_id      = opennebula_virtual_network.analytics_ew1.id
    security_groups = [opennebula_security_group.allow_internal.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.analytics_ew1]
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3
resource "opennebula_virtual_machine" "etl_3" {
  name        = "etl-3"
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-3"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-3"
    "colocate"         = "analytics-etl"
    "env"              = "prod"
    "owner"            = "team-data"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["etl-3"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.etl_3.id
  }
  nic {
    network_id      = opennebula_virtual_network.analytics_ew1.id
    security_groups = [opennebula_security_group.allow_internal.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.analytics_ew1]
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4
resource "opennebula_virtual_machine" "etl_4" {
  name        = "etl-4"
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-b/instances/etl-4"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-etl-4"
    "colocate"         = "analytics-etl"
    "env"              = "prod"
    "owner"            = "team-data"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["etl-4"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.etl_4.id
  }
  nic {
    network_id      = opennebula_virtual_network.analytics_ew1.id
    security_groups = [opennebula_security_group.allow_internal.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.analytics_ew1]
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1
resource "opennebula_virtual_machine" "dash_1" {
  name        = "dash-1"
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-1"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-dash-1"
    "env"              = "prod"
    "ha-pair"          = "dash"
    "owner"            = "team-data"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["dash-1"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.analytics_ew1.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.analytics_ew1]
}

# cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2
resource "opennebula_virtual_machine" "dash_2" {
  name        = "dash-2"
  description = "cloudexit: from gcp compute.googleapis.com/Instance //compute.googleapis.com/projects/retail-analytics-prod/zones/europe-west1-c/instances/dash-2"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-dash-2"
    "env"              = "prod"
    "ha-pair"          = "dash"
    "owner"            = "team-data"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["dash-2"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.analytics_ew1.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.analytics_ew1]
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1
resource "opennebula_virtual_machine" "vm_erp_1" {
  name        = "vm-erp-1"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-1"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-vm-erp-1"
    "env"              = "prod"
    "ha-pair"          = "erp-1"
    "owner"            = "team-erp"
  }
  disk {
    # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-erp-1"]
    size     = 131072
  }
  nic {
    network_id      = opennebula_virtual_network.snet_app.id
    security_groups = [opennebula_security_group.nsg_erp.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2
resource "opennebula_virtual_machine" "vm_erp_2" {
  name        = "vm-erp-2"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-2"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-vm-erp-2"
    "env"              = "prod"
    "ha-pair"          = "erp-1"
    "owner"            = "team-erp"
  }
  disk {
    # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-erp-2"]
    size     = 131072
  }
  nic {
    network_id      = opennebula_virtual_network.snet_app.id
    security_groups = [opennebula_security_group.nsg_erp.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3
resource "opennebula_virtual_machine" "vm_erp_3" {
  name        = "vm-erp-3"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-3"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-vm-erp-3"
    "env"              = "prod"
    "ha-pair"          = "erp-2"
    "owner"            = "team-erp"
  }
  disk {
    # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-erp-3"]
    size     = 131072
  }
  nic {
    network_id      = opennebula_virtual_network.snet_app.id
    security_groups = [opennebula_security_group.nsg_erp.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4
resource "opennebula_virtual_machine" "vm_erp_4" {
  name        = "vm-erp-4"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-4"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-vm-erp-4"
    "env"              = "prod"
    "ha-pair"          = "erp-2"
    "owner"            = "team-erp"
  }
  disk {
    # boots the image exported from its source boot disk (128 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-erp-4"]
    size     = 131072
  }
  nic {
    network_id      = opennebula_virtual_network.snet_app.id
    security_groups = [opennebula_security_group.nsg_erp.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1
resource "opennebula_virtual_machine" "vm_erp_report_1" {
  name        = "vm-erp-report-1"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-1"
  cpu         = 8
  vcpu        = 8
  memory      = 65536
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-vm-erp-report-1"
    "colocate"         = "erp-reporting"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-erp-report-1"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.snet_app.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2
resource "opennebula_virtual_machine" "vm_erp_report_2" {
  name        = "vm-erp-report-2"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.compute/virtualmachines/vm-erp-report-2"
  cpu         = 8
  vcpu        = 8
  memory      = 65536
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-vm-erp-report-2"
    "colocate"         = "erp-reporting"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-erp-report-2"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.snet_app.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# subnet: vm-sales-1 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1
resource "opennebula_virtual_machine" "vm_sales_1" {
  name        = "vm-sales-1"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-1"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "sales"
    "cloudexit-source" = "azure-vm-sales-1"
    "env"              = "prod"
    "owner"            = "team-sales"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-sales-1"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.snet_app.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# subnet: vm-sales-2 names no subnet and none of the subnets written here in its account 7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10 is in its source region eastus (snet-app (westeurope)): attached to snet-app, the only one; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2
resource "opennebula_virtual_machine" "vm_sales_2" {
  name        = "vm-sales-2"
  description = "cloudexit: from azure microsoft.compute/virtualmachines /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-us-sales/providers/microsoft.compute/virtualmachines/vm-sales-2"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "sales"
    "cloudexit-source" = "azure-vm-sales-2"
    "env"              = "prod"
    "owner"            = "team-sales"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["vm-sales-2"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.snet_app.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.snet_app]
}

# subnet: crm-app-1 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01
resource "opennebula_virtual_machine" "crm_app_1" {
  name        = "crm-app-1"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm01"
  cpu         = 2
  vcpu        = 2
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "crm"
    "classification"   = "secret"
    "cloudexit-source" = "aws-crm-app-1"
    "env"              = "prod"
    "ha-pair"          = "crm"
    "owner"            = "team-crm"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["crm-app-1"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.shop_app.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# subnet: crm-app-2 names no subnet and none of the subnets written here in its account 123456789012 is in its source region eu-west-1 (shop-app (us-east-1), shop-data (us-east-1), shop-public (us-east-1)): attached to shop-app, the first in the site's order; name its subnet in the inventory (depends_on) to choose another
# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02
resource "opennebula_virtual_machine" "crm_app_2" {
  name        = "crm-app-2"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:eu-west-1:123456789012:instance/i-0crm02"
  cpu         = 2
  vcpu        = 2
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "crm"
    "classification"   = "secret"
    "cloudexit-source" = "aws-crm-app-2"
    "env"              = "prod"
    "ha-pair"          = "crm"
    "owner"            = "team-crm"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["crm-app-2"]
    size     = 20480
  }
  nic {
    network_id = opennebula_virtual_network.shop_app.id
    # no source security group is known for it: OpenNebula's default group 0 (all traffic), as its network gave it
    security_groups = [0]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01
resource "opennebula_virtual_machine" "shop_app_1" {
  name        = "shop-app-1"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app01"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-1"
    "env"              = "prod"
    "ha-pair"          = "app-1"
    "owner"            = "team-web"
    "tier"             = "app"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-app-1"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.shop_app_1_data.id
  }
  nic {
    network_id      = opennebula_virtual_network.shop_app.id
    security_groups = [opennebula_security_group.shop_app_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02
resource "opennebula_virtual_machine" "shop_app_2" {
  name        = "shop-app-2"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app02"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-2"
    "env"              = "prod"
    "ha-pair"          = "app-1"
    "owner"            = "team-web"
    "tier"             = "app"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-app-2"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.shop_app_2_data.id
  }
  nic {
    network_id      = opennebula_virtual_network.shop_app.id
    security_groups = [opennebula_security_group.shop_app_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03
resource "opennebula_virtual_machine" "shop_app_3" {
  name        = "shop-app-3"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app03"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-3"
    "env"              = "prod"
    "ha-pair"          = "app-2"
    "owner"            = "team-web"
    "tier"             = "app"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-app-3"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.shop_app_3_data.id
  }
  nic {
    network_id      = opennebula_virtual_network.shop_app.id
    security_groups = [opennebula_security_group.shop_app_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04
resource "opennebula_virtual_machine" "shop_app_4" {
  name        = "shop-app-4"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0app04"
  cpu         = 4
  vcpu        = 4
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-4"
    "env"              = "prod"
    "ha-pair"          = "app-2"
    "owner"            = "team-web"
    "tier"             = "app"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-app-4"]
    size     = 20480
  }
  disk {
    image_id = opennebula_image.shop_app_4_data.id
  }
  nic {
    network_id      = opennebula_virtual_network.shop_app.id
    security_groups = [opennebula_security_group.shop_app_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion
resource "opennebula_virtual_machine" "shop_bastion" {
  name        = "shop-bastion"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0bastion"
  cpu         = 2
  vcpu        = 2
  memory      = 1024
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-bastion"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "admin"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-bastion"]
    size     = 20480
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01
resource "opennebula_virtual_machine" "shop_batch_1" {
  name        = "shop-batch-1"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch01"
  cpu         = 8
  vcpu        = 8
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-batch-1"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "batch"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-batch-1"]
    size     = 20480
  }
  nic {
    network_id      = opennebula_virtual_network.shop_app.id
    security_groups = [opennebula_security_group.shop_app_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02
resource "opennebula_virtual_machine" "shop_batch_2" {
  name        = "shop-batch-2"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0batch02"
  cpu         = 8
  vcpu        = 8
  memory      = 16384
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-batch-2"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "batch"
  }
  disk {
    # boots the image exported from its source boot disk (its size not reported: set the root volume's to it), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-batch-2"]
    size     = 20480
  }
  nic {
    network_id      = opennebula_virtual_network.shop_app.id
    security_groups = [opennebula_security_group.shop_app_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_app]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01
resource "opennebula_virtual_machine" "shop_web_1" {
  name        = "shop-web-1"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web01"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-1"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "web"
  }
  disk {
    # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-web-1"]
    size     = 51200
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02
resource "opennebula_virtual_machine" "shop_web_2" {
  name        = "shop-web-2"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web02"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-2"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "web"
  }
  disk {
    # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-web-2"]
    size     = 51200
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03
resource "opennebula_virtual_machine" "shop_web_3" {
  name        = "shop-web-3"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web03"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-3"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "web"
  }
  disk {
    # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-web-3"]
    size     = 51200
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04
resource "opennebula_virtual_machine" "shop_web_4" {
  name        = "shop-web-4"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web04"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-4"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "web"
  }
  disk {
    # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-web-4"]
    size     = 51200
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05
resource "opennebula_virtual_machine" "shop_web_5" {
  name        = "shop-web-5"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web05"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-5"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "web"
  }
  disk {
    # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-web-5"]
    size     = 51200
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}

# cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06
resource "opennebula_virtual_machine" "shop_web_6" {
  name        = "shop-web-6"
  description = "cloudexit: from aws AWS::EC2::Instance arn:aws:ec2:us-east-1:123456789012:instance/i-0web06"
  cpu         = 2
  vcpu        = 2
  memory      = 8192
  context = {
    "NETWORK"        = "YES"
    "SSH_PUBLIC_KEY" = "$USER[SSH_PUBLIC_KEY]"
  }
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-6"
    "env"              = "prod"
    "owner"            = "team-web"
    "tier"             = "web"
  }
  disk {
    # boots the image exported from its source boot disk (50 GB, the root volume's size), imported on the target (runbook, compute.vm)
    image_id = var.migrated_image_ids["shop-web-6"]
    size     = 51200
  }
  nic {
    network_id      = opennebula_virtual_network.shop_public.id
    security_groups = [opennebula_security_group.shop_web_sg.id]
  }
  # its address is leased from the range, written beside the network
  depends_on = [opennebula_virtual_network_address_range.shop_public]
}
