/** A link target only for web addresses: a stored URL never becomes a javascript: or data: link. */
export function safeHref(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
