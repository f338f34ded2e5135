variable "ovh_endpoint" {
  description = "OVHcloud API endpoint"
  type        = string
  default     = "ovh-eu"
}

variable "service_name" {
  description = "OVHcloud Public Cloud project id"
  type        = string
}

variable "flavor_ids" {
  description = "Flavor name -> flavor id in this project and region (instances and load balancers), from the OVHcloud API or `openstack flavor list`"
  type        = map(string)
  default     = {}
}

variable "image_id" {
  description = "Image id for the instances"
  type        = string
  default     = null
}

variable "ssh_key_name" {
  description = "SSH key registered in the project, installed on the instances"
  type        = string
  default     = null
}

variable "ovh_subsidiary" {
  description = "OVHcloud subsidiary that orders the DNS zones"
  type        = string
  default     = "FR"
}

variable "migrated_image_ids" {
  description = "Per machine (by its name), the image imported on the target from its source boot disk (runbook, compute.vm): each such machine boots what was migrated, so none is guessed"
  type        = map(string)
}
