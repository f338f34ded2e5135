# warning: source tags not written, ionoscloud_dns_zone has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp dns.googleapis.com/ManagedZone //dns.googleapis.com/projects/retail-analytics-prod/managedZones/analytics-example-com
resource "ionoscloud_dns_zone" "analytics_example_com" {
  name        = "analytics.example.com"
  description = "cloudexit: from gcp dns.googleapis.com/ManagedZone //dns.googleapis.com/projects/retail-analytics-prod/managedZones/analytics-example-com"
  enabled     = true
}

resource "ionoscloud_dns_record" "analytics_example_com-dash_a_1" {
  zone_id = ionoscloud_dns_zone.analytics_example_com.id
  name    = "dash"
  type    = "A"
  content = "198.51.100.7"
  ttl     = 300
  enabled = true
}

# warning: source tags not written, ionoscloud_dns_zone has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/dnszones /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/dnszones/erp.example.com
resource "ionoscloud_dns_zone" "erp_example_com" {
  name        = "erp.example.com"
  description = "cloudexit: from azure microsoft.network/dnszones /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/dnszones/erp.example.com"
  enabled     = true
}

resource "ionoscloud_dns_record" "erp_example_com-portal_a_1" {
  zone_id = ionoscloud_dns_zone.erp_example_com.id
  name    = "portal"
  type    = "A"
  content = "203.0.113.10"
  ttl     = 300
  enabled = true
}

# warning: source tags not written, ionoscloud_dns_zone has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::Route53::HostedZone arn:aws:route53:::hostedzone/Z0SHOP123
resource "ionoscloud_dns_zone" "shop_example_com" {
  name        = "shop.example.com"
  description = "cloudexit: from aws AWS::Route53::HostedZone arn:aws:route53:::hostedzone/Z0SHOP123"
  enabled     = true
}

resource "ionoscloud_dns_record" "shop_example_com-apex_mx_1" {
  zone_id = ionoscloud_dns_zone.shop_example_com.id
  name    = "@"
  type    = "MX"
  content = "10 mail.example.com"
  ttl     = 3600
  enabled = true
}

resource "ionoscloud_dns_record" "shop_example_com-api_cname_1" {
  zone_id = ionoscloud_dns_zone.shop_example_com.id
  name    = "api"
  type    = "CNAME"
  content = "shop-alb.example.net"
  ttl     = 300
  enabled = true
}

resource "ionoscloud_dns_record" "shop_example_com-www_cname_1" {
  zone_id = ionoscloud_dns_zone.shop_example_com.id
  name    = "www"
  type    = "CNAME"
  content = "shop-alb.example.net"
  ttl     = 300
  enabled = true
}
