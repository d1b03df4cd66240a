// A minimal XML writer for the ec2 and awsQuery protocols. Values are plain objects: keys become elements in
// insertion order, arrays become a wrapper whose children are `<item>` (EC2) or `<member>` (awsQuery), undefined is
// omitted, and Dates are written as ISO-8601.

export type XmlValue = string | number | boolean | Date | undefined | null | XmlValue[] | { [key: string]: XmlValue };

export type ListStyle = "item" | "member";

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function toXml(name: string, value: XmlValue, listStyle: ListStyle): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    return `<${name}>${value.map((item) => toXml(listStyle, item, listStyle)).join("")}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === "object") {
    const children = Object.entries(value)
      .map(([key, child]) => toXml(key, child, listStyle))
      .join("");
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function childrenXml(value: Record<string, XmlValue>, listStyle: ListStyle): string {
  return Object.entries(value)
    .map(([key, child]) => toXml(key, child, listStyle))
    .join("");
}
