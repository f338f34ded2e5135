# warning: source tags not written, ovh_cloud_security_group has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal
resource "ovh_cloud_security_group" "allow_internal" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "allow-internal"
  description  = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
  rule = [
    {
      direction        = "egress"
      ethernet_type    = "IPv4"
      remote_ip_prefix = "0.0.0.0/0"
    },
    {
      direction        = "ingress"
      ethernet_type    = "IPv4"
      protocol         = "tcp"
      remote_ip_prefix = "10.60.0.0/16"
    },
  ]
}

# warning: source tags not written, ovh_cloud_security_group has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp
resource "ovh_cloud_security_group" "nsg_erp" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "nsg-erp"
  description  = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
  rule = [
    {
      direction        = "egress"
      ethernet_type    = "IPv4"
      remote_ip_prefix = "0.0.0.0/0"
    },
    {
      direction        = "egress"
      ethernet_type    = "IPv4"
      remote_ip_prefix = "10.40.1.0/24"
    },
    {
      direction        = "ingress"
      ethernet_type    = "IPv4"
      remote_ip_prefix = "10.40.1.0/24"
    },
    {
      direction        = "ingress"
      ethernet_type    = "IPv4"
      protocol         = "tcp"
      port_range_min   = 443
      port_range_max   = 443
      remote_ip_prefix = "0.0.0.0/0"
    },
  ]
}

# warning: source tags not written, ovh_cloud_security_group has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001
resource "ovh_cloud_security_group" "shop_app_sg" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-app-sg"
  description  = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
  rule = [
    {
      direction        = "egress"
      ethernet_type    = "IPv4"
      remote_ip_prefix = "0.0.0.0/0"
    },
    {
      direction        = "ingress"
      ethernet_type    = "IPv4"
      protocol         = "tcp"
      port_range_min   = 8080
      port_range_max   = 8080
      remote_ip_prefix = "10.20.0.0/20"
    },
  ]
}

# warning: source tags not written, ovh_cloud_security_group has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001
resource "ovh_cloud_security_group" "shop_web_sg" {
  service_name = var.service_name
  region       = "GRA11"
  name         = "shop-web-sg"
  description  = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
  rule = [
    {
      direction        = "egress"
      ethernet_type    = "IPv4"
      remote_ip_prefix = "0.0.0.0/0"
    },
    {
      direction        = "ingress"
      ethernet_type    = "IPv4"
      protocol         = "tcp"
      port_range_min   = 80
      port_range_max   = 80
      remote_ip_prefix = "0.0.0.0/0"
    },
    {
      direction        = "ingress"
      ethernet_type    = "IPv4"
      protocol         = "tcp"
      port_range_min   = 443
      port_range_max   = 443
      remote_ip_prefix = "0.0.0.0/0"
    },
  ]
}
