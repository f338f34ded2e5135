# cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal
resource "opennebula_security_group" "allow_internal" {
  name        = "allow-internal"
  description = "cloudexit: from gcp compute.googleapis.com/Firewall //compute.googleapis.com/projects/retail-analytics-prod/global/firewalls/allow-internal"
  tags = {
    "app"              = "analytics"
    "classification"   = "internal"
    "cloudexit-source" = "gcp-allow-internal"
    "env"              = "prod"
    "owner"            = "team-data"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    ip        = "10.60.0.0"
    size      = "65536"
  }
}

# cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp
resource "opennebula_security_group" "nsg_erp" {
  name        = "nsg-erp"
  description = "cloudexit: from azure microsoft.network/networksecuritygroups /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/networksecuritygroups/nsg-erp"
  tags = {
    "app"              = "erp"
    "classification"   = "confidential"
    "cloudexit-source" = "azure-nsg-erp"
    "env"              = "prod"
    "owner"            = "team-erp"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "10.40.1.0"
    size      = "256"
  }
  rule {
    protocol  = "ALL"
    rule_type = "INBOUND"
    ip        = "10.40.1.0"
    size      = "256"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "443"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "443"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
}

# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001
resource "opennebula_security_group" "shop_app_sg" {
  name        = "shop-app-sg"
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-app0001"
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-app-sg"
    "env"              = "prod"
    "owner"            = "team-web"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "8080"
    ip        = "10.20.0.0"
    size      = "4096"
  }
}

# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-db0001
resource "opennebula_security_group" "shop_db_sg" {
  name        = "shop-db-sg"
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-db0001"
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-db-sg"
    "env"              = "prod"
    "owner"            = "team-web"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "3306"
    ip        = "10.20.16.0"
    size      = "4096"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "5432"
    ip        = "10.20.16.0"
    size      = "4096"
  }
}

# cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001
resource "opennebula_security_group" "shop_web_sg" {
  name        = "shop-web-sg"
  description = "cloudexit: from aws AWS::EC2::SecurityGroup arn:aws:ec2:us-east-1:123456789012:security-group/sg-web0001"
  tags = {
    "app"              = "shop"
    "cloudexit-source" = "aws-shop-web-sg"
    "env"              = "prod"
    "owner"            = "team-web"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "ALL"
    rule_type = "OUTBOUND"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "80"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "80"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "443"
    ip        = "0.0.0.0"
    size      = "2147483648"
  }
  rule {
    protocol  = "TCP"
    rule_type = "INBOUND"
    range     = "443"
    ip        = "128.0.0.0"
    size      = "2147483648"
  }
}
