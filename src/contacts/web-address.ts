/**
 * A web address as people write it, without its scheme ("www.anna.de", "xing.com/profile/Anna_Alt"): read with
 * https://, as a browser's address bar reads it. Anything else is given back as it is (an address with its scheme,
 * an email address, a handle, words), for the caller to take or refuse. A module of its own: only the importers,
 * sync's field table and the link editor ask for it.
 */
export function withScheme(value: string): string {
  const v = value.trim();
  // Labels of letters, digits and hyphens, the last of two letters or more (a top-level domain), then a port, a
  // path, a query or a fragment. The pattern is made here, not at the module's top (a bundle keeps those).
  const host =
    /^[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?(?:\.[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?)*\.\p{L}{2,}(?::\d+)?(?:[/?#]\S*)?$/u;
  return host.test(v) ? `https://${v}` : v;
}
