# warning: source tags not written, ovh_domain_zone has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
# cloudexit: from gcp dns.googleapis.com/ManagedZone //dns.googleapis.com/projects/retail-analytics-prod/managedZones/analytics-example-com
resource "ovh_domain_zone" "analytics_example_com" {
  ovh_subsidiary = var.ovh_subsidiary
  plan {
    plan_code    = "zone"
    duration     = "P1Y"
    pricing_mode = "default"
    configuration {
      label = "zone"
      value = "analytics.example.com"
    }
    configuration {
      label = "template"
      value = "minimized"
    }
  }
}

resource "ovh_domain_zone_record" "analytics_example_com-dash_a_1" {
  zone      = ovh_domain_zone.analytics_example_com.name
  subdomain = "dash"
  fieldtype = "A"
  ttl       = 300
  target    = "198.51.100.7"
}

# warning: source tags not written, ovh_domain_zone has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/dnszones /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/dnszones/erp.example.com
resource "ovh_domain_zone" "erp_example_com" {
  ovh_subsidiary = var.ovh_subsidiary
  plan {
    plan_code    = "zone"
    duration     = "P1Y"
    pricing_mode = "default"
    configuration {
      label = "zone"
      value = "erp.example.com"
    }
    configuration {
      label = "template"
      value = "minimized"
    }
  }
}

resource "ovh_domain_zone_record" "erp_example_com-portal_a_1" {
  zone      = ovh_domain_zone.erp_example_com.name
  subdomain = "portal"
  fieldtype = "A"
  ttl       = 300
  target    = "203.0.113.10"
}

# warning: source tags not written, ovh_domain_zone has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
# cloudexit: from aws AWS::Route53::HostedZone arn:aws:route53:::hostedzone/Z0SHOP123
resource "ovh_domain_zone" "shop_example_com" {
  ovh_subsidiary = var.ovh_subsidiary
  plan {
    plan_code    = "zone"
    duration     = "P1Y"
    pricing_mode = "default"
    configuration {
      label = "zone"
      value = "shop.example.com"
    }
    configuration {
      label = "template"
      value = "minimized"
    }
  }
}

resource "ovh_domain_zone_record" "shop_example_com-apex_mx_1" {
  zone      = ovh_domain_zone.shop_example_com.name
  subdomain = ""
  fieldtype = "MX"
  ttl       = 3600
  target    = "10 mail.example.com"
}

resource "ovh_domain_zone_record" "shop_example_com-api_cname_1" {
  zone      = ovh_domain_zone.shop_example_com.name
  subdomain = "api"
  fieldtype = "CNAME"
  ttl       = 300
  target    = "shop-alb.example.net"
}

resource "ovh_domain_zone_record" "shop_example_com-www_cname_1" {
  zone      = ovh_domain_zone.shop_example_com.name
  subdomain = "www"
  fieldtype = "CNAME"
  ttl       = 300
  target    = "shop-alb.example.net"
}
