#ifndef CASEBENCH_YAML_SHIM_H
#define CASEBENCH_YAML_SHIM_H

/* libyaml from the system (Debian: libyaml-dev, pkg-config yaml-0.1), for CaseBenchLoading's YAML
 * composer. Nothing is wrapped: the event parser's API imports into Swift as it is. */

#include <yaml.h>

#endif
