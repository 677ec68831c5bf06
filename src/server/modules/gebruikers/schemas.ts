import { z } from 'zod';
import { ORGANISATIESOORT_CODES, ROL_CODES } from '../../../shared/codes.js';

export const OrganisatieKort = z.object({
  id: z.uuid(),
  slug: z.string(),
  naam: z.string(),
  soort: z.enum(ORGANISATIESOORT_CODES),
});

export const Gebruiker = z.object({
  id: z.uuid(),
  gebruikersnaam: z.string(),
  naam: z.string(),
  email: z.string().nullable(),
  rollen: z.array(z.enum(ROL_CODES)),
  actief: z.boolean(),
  persoonId: z.uuid().nullable(),
  organisatie: OrganisatieKort,
});
export type GebruikerDto = z.infer<typeof Gebruiker>;

export const Gebruikersnaam = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'Gebruik 2–63 kleine letters, cijfers, punt, streepje of liggend streepje.');
