# warning: source tags not written, ionoscloud_ipblock has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/publicipaddresses /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/publicipaddresses/pip-lb-erp
resource "ionoscloud_ipblock" "pip_lb_erp" {
  name     = "pip-lb-erp"
  location = "de/fra"
  size     = 1
}

# warning: source tags not written, ionoscloud_ipblock has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::EC2::EIP arn:aws:ec2:us-east-1:123456789012:eip/eipalloc-0shopnat
resource "ionoscloud_ipblock" "shop_nat_ip" {
  name     = "shop-nat-ip"
  location = "de/fra"
  size     = 1
}
