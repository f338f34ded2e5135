# OpenNebula adds its default security group (ID 0), which admits all traffic in both
# directions, to every new network, and a machine takes its network's groups as well as its
# own: left there, it would admit everything a machine's own groups do not. Every network
# below carries this group instead, which admits nothing (its one rule names 192.0.2.1, an
# address reserved for documentation, RFC 5737), so each machine is filtered by its own groups.
resource "opennebula_security_group" "network_default_closed" {
  name        = "cloudexit-network-default-closed"
  description = "cloudexit: carried by every network in place of the default group 0; admits nothing"
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "9"
    ip        = "192.0.2.1"
    size      = "1"
  }
}

# //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/subnetworks/analytics-ew1
resource "opennebula_virtual_network" "analytics_ew1" {
  name              = "analytics-ew1"
  description       = "cloudexit"
  type              = "vxlan"
  physical_device   = var.physical_device
  automatic_vlan_id = true
  network_address   = "10.60.0.0"
  network_mask      = "255.255.240.0"
  gateway           = "10.60.0.1"
  security_groups   = [opennebula_security_group.network_default_closed.id]
}

resource "opennebula_virtual_network_address_range" "analytics_ew1" {
  virtual_network_id = opennebula_virtual_network.analytics_ew1.id
  ar_type            = "IP4"
  ip4                = "10.60.0.10"
  size               = 1000
}

# /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/virtualnetworks/vnet-erp/subnets/snet-app
resource "opennebula_virtual_network" "snet_app" {
  name              = "snet-app"
  description       = "cloudexit"
  type              = "vxlan"
  physical_device   = var.physical_device
  automatic_vlan_id = true
  network_address   = "10.40.1.0"
  network_mask      = "255.255.255.0"
  gateway           = "10.40.1.1"
  security_groups   = [opennebula_security_group.network_default_closed.id]
}

resource "opennebula_virtual_network_address_range" "snet_app" {
  virtual_network_id = opennebula_virtual_network.snet_app.id
  ar_type            = "IP4"
  ip4                = "10.40.1.10"
  size               = 236
}

# arn:aws:ec2:us-east-1:123456789012:subnet/subnet-app01
resource "opennebula_virtual_network" "shop_app" {
  name              = "shop-app"
  description       = "cloudexit"
  type              = "vxlan"
  physical_device   = var.physical_device
  automatic_vlan_id = true
  network_address   = "10.20.16.0"
  network_mask      = "255.255.240.0"
  gateway           = "10.20.16.1"
  security_groups   = [opennebula_security_group.network_default_closed.id]
}

resource "opennebula_virtual_network_address_range" "shop_app" {
  virtual_network_id = opennebula_virtual_network.shop_app.id
  ar_type            = "IP4"
  ip4                = "10.20.16.10"
  size               = 1000
}

# arn:aws:ec2:us-east-1:123456789012:subnet/subnet-data01
resource "opennebula_virtual_network" "shop_data" {
  name              = "shop-data"
  description       = "cloudexit"
  type              = "vxlan"
  physical_device   = var.physical_device
  automatic_vlan_id = true
  network_address   = "10.20.32.0"
  network_mask      = "255.255.240.0"
  gateway           = "10.20.32.1"
  security_groups   = [opennebula_security_group.network_default_closed.id]
}

resource "opennebula_virtual_network_address_range" "shop_data" {
  virtual_network_id = opennebula_virtual_network.shop_data.id
  ar_type            = "IP4"
  ip4                = "10.20.32.10"
  size               = 1000
}

# arn:aws:ec2:us-east-1:123456789012:subnet/subnet-public01
resource "opennebula_virtual_network" "shop_public" {
  name              = "shop-public"
  description       = "cloudexit"
  type              = "vxlan"
  physical_device   = var.physical_device
  automatic_vlan_id = true
  network_address   = "10.20.0.0"
  network_mask      = "255.255.240.0"
  gateway           = "10.20.0.1"
  security_groups   = [opennebula_security_group.network_default_closed.id]
}

resource "opennebula_virtual_network_address_range" "shop_public" {
  virtual_network_id = opennebula_virtual_network.shop_public.id
  ar_type            = "IP4"
  ip4                = "10.20.0.10"
  size               = 1000
}
