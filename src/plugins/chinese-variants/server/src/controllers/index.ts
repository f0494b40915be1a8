import health from './health';
import convert, { freshness } from './convert';
import admin from './admin';

export default { health, convert, freshness, admin };
