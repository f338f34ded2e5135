variable "image_name" {
  description = "Image name or alias for the servers' boot volumes, e.g. ubuntu:latest"
  type        = string
  default     = "ubuntu:latest"
}

variable "ssh_public_keys" {
  description = "SSH public keys installed on the servers"
  type        = list(string)
  default     = []
}

variable "inmemorydb_snapshot_location" {
  description = "IONOS Object Storage location the In-Memory DB clusters keep their snapshots in, e.g. eu-central-3"
  type        = string
}

variable "migrated_images" {
  description = "Per machine (by its name), the image imported on the target from its source boot disk (runbook, compute.vm): each such machine boots what was migrated, so none is guessed"
  type        = map(string)
}
