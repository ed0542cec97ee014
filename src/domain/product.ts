import { z } from 'zod';
import { Id, requiredText, text } from './fields.ts';

export const therapeuticAreas = ['oncology', 'immunology', 'neurology', 'rare_disease'] as const;
export const TherapeuticArea = z.enum(therapeuticAreas);
export type TherapeuticArea = z.infer<typeof TherapeuticArea>;

/** A marketed product. A brand name is always shown with its generic name. */
export const Product = z.object({
  id: Id,
  brandName: requiredText(80),
  genericName: requiredText(120),
  therapeuticArea: TherapeuticArea,
  /** The label in the FDA label-section corpus this product's safety text comes from. */
  labelId: text(80).default(''),
  topics: z.array(text(60)).max(30).default([]),
});
export type Product = z.infer<typeof Product>;

export function productDisplayName(product: Pick<Product, 'brandName' | 'genericName'>): string {
  return `${product.brandName} (${product.genericName})`;
}
