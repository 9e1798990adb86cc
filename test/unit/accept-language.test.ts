import { describe, expect, it } from 'vitest';
import { acceptedLocale } from '../../src/i18n/accept-language.js';

describe("a browser's Accept-Language", () => {
  it('folds regional tags to the languages shipped', () => {
    expect(acceptedLocale('ja-JP')).toBe('ja');
    expect(acceptedLocale('es-419')).toBe('es');
    expect(acceptedLocale('pt')).toBe('pt-BR');
    expect(acceptedLocale('pt-BR')).toBe('pt-BR');
    expect(acceptedLocale('PT-br')).toBe('pt-BR');
    expect(acceptedLocale('de-CH')).toBe('de');
    expect(acceptedLocale('zh-Hant-TW')).toBe('en');
  });

  it('takes the heaviest range the bot speaks, the first of equal weights', () => {
    expect(acceptedLocale('en;q=0.3, fr;q=0.9, ja;q=0.5')).toBe('fr');
    expect(acceptedLocale('ko, zh;q=0.9, de;q=0.8, ja;q=0.7')).toBe('de');
    expect(acceptedLocale('es;q=0.5, ja;q=0.5')).toBe('es');
    expect(acceptedLocale('ja;q=0.5,es;q=0.5')).toBe('ja');
    expect(acceptedLocale('fr-CA , fr ; q=0.9 , en ; Q=0.8')).toBe('fr');
    expect(acceptedLocale('en-US,en;q=0.9,ja;q=0.8')).toBe('en');
    expect(acceptedLocale('de;q=1.000, ja')).toBe('de');
  });

  it('never picks a range weighted 0; * and nothing it speaks give English', () => {
    expect(acceptedLocale('ja;q=0, de;q=0.1')).toBe('de');
    expect(acceptedLocale('ja;q=0.000')).toBe('en');
    expect(acceptedLocale('*')).toBe('en');
    expect(acceptedLocale('*;q=0.9, ja;q=0.5')).toBe('en');
    expect(acceptedLocale('ko-KR, zh;q=0.5')).toBe('en');
    expect(acceptedLocale('')).toBe('en');
    expect(acceptedLocale(undefined)).toBe('en');
  });

  it('skips ranges that do not parse, and never throws', () => {
    expect(acceptedLocale('ja;q=abc, de;q=0.5')).toBe('de');
    expect(acceptedLocale('ja;q=2')).toBe('en');
    expect(acceptedLocale('ja;q=0.5;q=1, es')).toBe('es');
    expect(acceptedLocale('fr_FR.UTF-8, de;q=0.1')).toBe('de');
    expect(acceptedLocale(';;;,,, =q, <script>ja</script>')).toBe('en');
    expect(acceptedLocale('ja-')).toBe('en');
    expect(acceptedLocale('toolonglanguage')).toBe('en');
    expect(acceptedLocale('\u0000ja')).toBe('en');
    expect(acceptedLocale(`${'x-'.repeat(5000)}ja`)).toBe('en');
  });

  it('reads no more than the first twenty ranges', () => {
    expect(acceptedLocale(`${Array.from({ length: 25 }, () => 'ko').join(',')},ja`)).toBe('en');
    expect(acceptedLocale(`${Array.from({ length: 19 }, () => 'ko').join(',')},ja`)).toBe('ja');
  });
});
