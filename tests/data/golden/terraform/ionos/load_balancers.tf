# warning: source tags not written, ionoscloud_networkloadbalancer has no tag or label argument in its provider schema: app=analytics, classification=internal, env=prod, owner=team-data
resource "ionoscloud_ipblock" "dash_lb-listener" {
  name     = "dash-lb-listener"
  location = "de/fra"
  size     = 1
}

# cloudexit: from gcp compute.googleapis.com/ForwardingRule //compute.googleapis.com/projects/retail-analytics-prod/regions/europe-west1/forwardingRules/dash-lb
resource "ionoscloud_networkloadbalancer" "dash_lb" {
  datacenter_id  = ionoscloud_datacenter.main.id
  name           = "dash-lb"
  listener_lan   = ionoscloud_lan.public.id
  target_lan     = ionoscloud_lan.analytics_ew1.id
  ips            = [ionoscloud_ipblock.dash_lb-listener.ips[0]]
  lb_private_ips = [format("%s/%s", cidrhost(ionoscloud_lan.analytics_ew1.ipv4_cidr_block, 14), split("/", ionoscloud_lan.analytics_ew1.ipv4_cidr_block)[1])]
}

# Port 443 (HTTPS): the source names no backends; add an
# ionoscloud_networkloadbalancer_forwardingrule with targets once they exist.

# warning: source tags not written, ionoscloud_networkloadbalancer has no tag or label argument in its provider schema: app=erp, classification=confidential, env=prod, owner=team-erp
# cloudexit: from azure microsoft.network/loadbalancers /subscriptions/7d1c2a9e-5b3f-4e8a-9c61-0f2b7e4d8a10/resourcegroups/rg-erp/providers/microsoft.network/loadbalancers/lb-erp
resource "ionoscloud_networkloadbalancer" "lb_erp" {
  datacenter_id  = ionoscloud_datacenter.main.id
  name           = "lb-erp"
  listener_lan   = ionoscloud_lan.public.id
  target_lan     = ionoscloud_lan.snet_app.id
  ips            = [ionoscloud_ipblock.pip_lb_erp.ips[0]]
  lb_private_ips = [format("%s/%s", cidrhost(ionoscloud_lan.snet_app.ipv4_cidr_block, 41), split("/", ionoscloud_lan.snet_app.ipv4_cidr_block)[1])]
}

resource "ionoscloud_networkloadbalancer_forwardingrule" "lb_erp-443" {
  datacenter_id          = ionoscloud_datacenter.main.id
  networkloadbalancer_id = ionoscloud_networkloadbalancer.lb_erp.id
  name                   = "lb-erp-443"
  algorithm              = "ROUND_ROBIN"
  protocol               = "TCP"
  listener_ip            = ionoscloud_ipblock.pip_lb_erp.ips[0]
  listener_port          = 443
  targets {
    ip     = ionoscloud_server.vm_erp_1.primary_ip
    port   = 443
    weight = 1
  }
  targets {
    ip     = ionoscloud_server.vm_erp_2.primary_ip
    port   = 443
    weight = 1
  }
  targets {
    ip     = ionoscloud_server.vm_erp_3.primary_ip
    port   = 443
    weight = 1
  }
  targets {
    ip     = ionoscloud_server.vm_erp_4.primary_ip
    port   = 443
    weight = 1
  }
}

# warning: source tags not written, ionoscloud_networkloadbalancer has no tag or label argument in its provider schema: app=shop, env=prod, owner=team-web
resource "ionoscloud_ipblock" "shop_alb-listener" {
  name     = "shop-alb-listener"
  location = "de/fra"
  size     = 1
}

# cloudexit: from aws AWS::ElasticLoadBalancingV2::LoadBalancer arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188
resource "ionoscloud_networkloadbalancer" "shop_alb" {
  datacenter_id  = ionoscloud_datacenter.main.id
  name           = "shop-alb"
  listener_lan   = ionoscloud_lan.public.id
  target_lan     = ionoscloud_lan.shop_public.id
  ips            = [ionoscloud_ipblock.shop_alb-listener.ips[0]]
  lb_private_ips = [format("%s/%s", cidrhost(ionoscloud_lan.shop_public.ipv4_cidr_block, 79), split("/", ionoscloud_lan.shop_public.ipv4_cidr_block)[1])]
}

resource "ionoscloud_networkloadbalancer_forwardingrule" "shop_alb-80" {
  datacenter_id          = ionoscloud_datacenter.main.id
  networkloadbalancer_id = ionoscloud_networkloadbalancer.shop_alb.id
  name                   = "shop-alb-80"
  algorithm              = "ROUND_ROBIN"
  protocol               = "HTTP"
  listener_ip            = ionoscloud_ipblock.shop_alb-listener.ips[0]
  listener_port          = 80
  targets {
    ip     = ionoscloud_server.shop_web_1.primary_ip
    port   = 80
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_2.primary_ip
    port   = 80
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_3.primary_ip
    port   = 80
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_4.primary_ip
    port   = 80
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_5.primary_ip
    port   = 80
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_6.primary_ip
    port   = 80
    weight = 1
    health_check {
      check = true
    }
  }
}

resource "ionoscloud_networkloadbalancer_forwardingrule" "shop_alb-443" {
  datacenter_id          = ionoscloud_datacenter.main.id
  networkloadbalancer_id = ionoscloud_networkloadbalancer.shop_alb.id
  name                   = "shop-alb-443"
  algorithm              = "ROUND_ROBIN"
  protocol               = "TCP"
  listener_ip            = ionoscloud_ipblock.shop_alb-listener.ips[0]
  listener_port          = 443
  targets {
    ip     = ionoscloud_server.shop_web_1.primary_ip
    port   = 443
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_2.primary_ip
    port   = 443
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_3.primary_ip
    port   = 443
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_4.primary_ip
    port   = 443
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_5.primary_ip
    port   = 443
    weight = 1
    health_check {
      check = true
    }
  }
  targets {
    ip     = ionoscloud_server.shop_web_6.primary_ip
    port   = 443
    weight = 1
    health_check {
      check = true
    }
  }
}
