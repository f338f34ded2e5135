# cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal
resource "scaleway_instance_security_group" "allow_internal" {
  name                    = "allow-internal"
  description             = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
  inbound_default_policy  = "drop"
  outbound_default_policy = "drop"
  tags                    = ["app=analytics", "classification=internal", "cloudexit-source=gcp-allow-internal", "env=prod", "owner=team-data"]
  outbound_rule {
    action   = "accept"
    protocol = "ANY"
    ip_range = "0.0.0.0/0"
  }
  inbound_rule {
    action   = "accept"
    protocol = "TCP"
    ip_range = "10.60.0.0/16"
  }
}

# cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp
resource "scaleway_instance_security_group" "nsg_erp" {
  name                    = "nsg-erp"
  description             = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
  inbound_default_policy  = "drop"
  outbound_default_policy = "drop"
  tags                    = ["app=erp", "classification=confidential", "cloudexit-source=azure-nsg-erp", "env=prod", "owner=team-erp"]
  outbound_rule {
    action   = "accept"
    protocol = "ANY"
    ip_range = "0.0.0.0/0"
  }
  outbound_rule {
    action   = "accept"
    protocol = "ANY"
    ip_range = "10.40.1.0/24"
  }
  inbound_rule {
    action   = "accept"
    protocol = "ANY"
    ip_range = "10.40.1.0/24"
  }
  inbound_rule {
    action   = "accept"
    protocol = "TCP"
    port     = 443
    ip_range = "0.0.0.0/0"
  }
}

# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001
resource "scaleway_instance_security_group" "shop_app_sg" {
  name                    = "shop-app-sg"
  description             = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
  inbound_default_policy  = "drop"
  outbound_default_policy = "drop"
  tags                    = ["app=shop", "cloudexit-source=aws-shop-app-sg", "env=prod", "owner=team-web"]
  outbound_rule {
    action   = "accept"
    protocol = "ANY"
    ip_range = "0.0.0.0/0"
  }
  inbound_rule {
    action   = "accept"
    protocol = "TCP"
    port     = 8080
    ip_range = "10.20.0.0/20"
  }
}

# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001
resource "scaleway_instance_security_group" "shop_web_sg" {
  name                    = "shop-web-sg"
  description             = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
  inbound_default_policy  = "drop"
  outbound_default_policy = "drop"
  tags                    = ["app=shop", "cloudexit-source=aws-shop-web-sg", "env=prod", "owner=team-web"]
  outbound_rule {
    action   = "accept"
    protocol = "ANY"
    ip_range = "0.0.0.0/0"
  }
  inbound_rule {
    action   = "accept"
    protocol = "TCP"
    port     = 80
    ip_range = "0.0.0.0/0"
  }
  inbound_rule {
    action   = "accept"
    protocol = "TCP"
    port     = 443
    ip_range = "0.0.0.0/0"
  }
}
