import { WEEKDAYS } from "./weekly-hours";

interface SeoStudio {
  name: string;
  slug: string;
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  logoUrl: string | null;
}

/** schema.org LocalBusiness of a studio: its address, contact, opening hours and what it teaches. */
export function localBusiness(
  studio: SeoStudio,
  url: string,
  extra: { hours: readonly { weekday: number; start: string; end: string }[]; instruments: readonly string[] },
) {
  return {
    "@context": "https://schema.org",
    "@type": "LocalBusiness",
    name: studio.name,
    url,
    ...(studio.description ? { description: studio.description.slice(0, 500) } : {}),
    ...(studio.logoUrl ? { logo: studio.logoUrl, image: studio.logoUrl } : {}),
    ...(studio.email ? { email: studio.email } : {}),
    ...(studio.phone ? { telephone: studio.phone } : {}),
    ...(studio.website ? { sameAs: [studio.website] } : {}),
    ...(studio.address || studio.city
      ? {
          address: {
            "@type": "PostalAddress",
            ...(studio.address ? { streetAddress: studio.address } : {}),
            ...(studio.city ? { addressLocality: studio.city } : {}),
            ...(studio.state ? { addressRegion: studio.state } : {}),
            ...(studio.postalCode ? { postalCode: studio.postalCode } : {}),
            ...(studio.country ? { addressCountry: studio.country } : {}),
          },
        }
      : {}),
    ...(extra.hours.length
      ? {
          openingHoursSpecification: extra.hours.map((h) => ({
            "@type": "OpeningHoursSpecification",
            dayOfWeek: `https://schema.org/${WEEKDAYS.find((d) => d.weekday === h.weekday)?.name ?? "Monday"}`,
            opens: h.start,
            closes: h.end === "24:00" ? "23:59" : h.end,
          })),
        }
      : {}),
    ...(extra.instruments.length ? { knowsAbout: extra.instruments } : {}),
  };
}

/** schema.org Person of a public teacher, working for the studio. */
export function teacherPerson(
  teacher: { firstName: string; lastName: string; specialties: string[]; publicBio: string | null; qualifications: string | null },
  url: string,
  studio: { name: string; url: string },
) {
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: `${teacher.firstName} ${teacher.lastName}`,
    url,
    jobTitle: teacher.specialties.length ? `${teacher.specialties.join(", ")} teacher` : "Music teacher",
    ...(teacher.publicBio ? { description: teacher.publicBio.slice(0, 500) } : {}),
    ...(teacher.qualifications ? { hasCredential: teacher.qualifications } : {}),
    ...(teacher.specialties.length ? { knowsAbout: teacher.specialties } : {}),
    worksFor: { "@type": "LocalBusiness", name: studio.name, url: studio.url },
  };
}

/** schema.org Course items of a studio's group courses (an ItemList), offered by the studio. */
export function courseList(courses: readonly { name: string; description: string | null; instrument: string }[], studio: { name: string; url: string }) {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    itemListElement: courses.map((course, i) => ({
      "@type": "ListItem",
      position: i + 1,
      item: {
        "@type": "Course",
        name: course.name,
        description: course.description ?? `${course.instrument} group course at ${studio.name}`,
        provider: { "@type": "LocalBusiness", name: studio.name, url: studio.url },
      },
    })),
  };
}
