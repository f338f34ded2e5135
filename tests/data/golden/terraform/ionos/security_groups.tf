# warning: source tags not written, ionoscloud_nsg has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal
resource "ionoscloud_nsg" "allow_internal" {
  datacenter_id = ionoscloud_datacenter.main.id
  name          = "allow-internal"
  description   = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
}

resource "ionoscloud_nsg_firewallrule" "allow_internal-1" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.allow_internal.id
  name          = "allow-internal-1"
  type          = "EGRESS"
  protocol      = "ANY"
}

resource "ionoscloud_nsg_firewallrule" "allow_internal-2" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.allow_internal.id
  name          = "allow-internal-2"
  type          = "INGRESS"
  protocol      = "TCP"
  source_ip     = "10.60.0.0/16"
}

# warning: source tags not written, ionoscloud_nsg has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp
resource "ionoscloud_nsg" "nsg_erp" {
  datacenter_id = ionoscloud_datacenter.main.id
  name          = "nsg-erp"
  description   = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
}

resource "ionoscloud_nsg_firewallrule" "nsg_erp-1" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.nsg_erp.id
  name          = "nsg-erp-1"
  type          = "EGRESS"
  protocol      = "ANY"
}

resource "ionoscloud_nsg_firewallrule" "nsg_erp-2" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.nsg_erp.id
  name          = "nsg-erp-2"
  type          = "EGRESS"
  protocol      = "ANY"
  target_ip     = "10.40.1.0/24"
}

resource "ionoscloud_nsg_firewallrule" "nsg_erp-3" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.nsg_erp.id
  name          = "nsg-erp-3"
  type          = "INGRESS"
  protocol      = "ANY"
  source_ip     = "10.40.1.0/24"
}

resource "ionoscloud_nsg_firewallrule" "nsg_erp-4" {
  datacenter_id    = ionoscloud_datacenter.main.id
  nsg_id           = ionoscloud_nsg.nsg_erp.id
  name             = "nsg-erp-4"
  type             = "INGRESS"
  protocol         = "TCP"
  port_range_start = 443
  port_range_end   = 443
}

# warning: source tags not written, ionoscloud_nsg has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001
resource "ionoscloud_nsg" "shop_app_sg" {
  datacenter_id = ionoscloud_datacenter.main.id
  name          = "shop-app-sg"
  description   = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
}

resource "ionoscloud_nsg_firewallrule" "shop_app_sg-1" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.shop_app_sg.id
  name          = "shop-app-sg-1"
  type          = "EGRESS"
  protocol      = "ANY"
}

resource "ionoscloud_nsg_firewallrule" "shop_app_sg-2" {
  datacenter_id    = ionoscloud_datacenter.main.id
  nsg_id           = ionoscloud_nsg.shop_app_sg.id
  name             = "shop-app-sg-2"
  type             = "INGRESS"
  protocol         = "TCP"
  port_range_start = 8080
  port_range_end   = 8080
  source_ip        = "10.20.0.0/20"
}

# warning: source tags not written, ionoscloud_nsg has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001
resource "ionoscloud_nsg" "shop_web_sg" {
  datacenter_id = ionoscloud_datacenter.main.id
  name          = "shop-web-sg"
  description   = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
}

resource "ionoscloud_nsg_firewallrule" "shop_web_sg-1" {
  datacenter_id = ionoscloud_datacenter.main.id
  nsg_id        = ionoscloud_nsg.shop_web_sg.id
  name          = "shop-web-sg-1"
  type          = "EGRESS"
  protocol      = "ANY"
}

resource "ionoscloud_nsg_firewallrule" "shop_web_sg-2" {
  datacenter_id    = ionoscloud_datacenter.main.id
  nsg_id           = ionoscloud_nsg.shop_web_sg.id
  name             = "shop-web-sg-2"
  type             = "INGRESS"
  protocol         = "TCP"
  port_range_start = 80
  port_range_end   = 80
}

resource "ionoscloud_nsg_firewallrule" "shop_web_sg-3" {
  datacenter_id    = ionoscloud_datacenter.main.id
  nsg_id           = ionoscloud_nsg.shop_web_sg.id
  name             = "shop-web-sg-3"
  type             = "INGRESS"
  protocol         = "TCP"
  port_range_start = 443
  port_range_end   = 443
}
