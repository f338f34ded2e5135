variable "project_id" {
  description = "Scaleway project id; null reads SCW_DEFAULT_PROJECT_ID"
  type        = string
  default     = null
}

variable "image" {
  description = "Instance image label or id for the servers, e.g. ubuntu_noble"
  type        = string
  default     = "ubuntu_noble"
}

variable "migrated_images" {
  description = "Per machine (by its name), the image imported on the target from its source boot disk (runbook, compute.vm): each such machine boots what was migrated, so none is guessed"
  type        = map(string)
}
