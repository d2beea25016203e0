// Extended attributes (the C library's own header): POSIX ACLs are read and written as the
// system.posix_acl_access and system.posix_acl_default attributes.
#include <sys/xattr.h>
