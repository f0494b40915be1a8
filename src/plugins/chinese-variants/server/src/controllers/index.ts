import health from './health';
import convert from './convert';
import freshness from './freshness';
import admin from './admin';

export default { health, convert, freshness, admin };
