#!/usr/bin/env node
/**
 * Writes the one map layer the web app draws: the boundaries of England's children's-services LAs
 * (the ONS upper-tier areas still in use, E-codes), cut out of ../shared/data's UK TopoJSON with
 * the arcs they do not use removed. Run it again when the ONS publishes new boundaries.
 *
 *   node scripts/dev/extract-la-boundaries.js [source.topo.json]
 *
 * Source: ONS Geography (OGL v3; contains OS data © Crown copyright and database right).
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const source = process.argv[2] ?? join(__dirname, '../../../shared/data/ons-uk-boundaries-2025.topo.json');
const target = join(__dirname, '../../apps/web/src/features/referrals/map/england-las.topo.json');
const topology = JSON.parse(readFileSync(source, 'utf8'));

const geometries = topology.objects.utla.geometries.filter(
  (geometry) => geometry.properties.areacd.startsWith('E') && geometry.properties.end == null,
);
const kept = new Map();
const remap = (index) => {
  const arc = index < 0 ? ~index : index;
  if (!kept.has(arc)) kept.set(arc, kept.size);
  const next = kept.get(arc);
  return index < 0 ? ~next : next;
};
const walk = (arcs) => (typeof arcs[0] === 'number' ? arcs.map(remap) : arcs.map(walk));
const out = {
  type: 'Topology',
  transform: topology.transform,
  objects: {
    las: {
      type: 'GeometryCollection',
      geometries: geometries.map((geometry) => ({
        type: geometry.type,
        arcs: walk(geometry.arcs),
        properties: { code: geometry.properties.areacd, name: geometry.properties.areanm },
      })),
    },
  },
  arcs: [],
};
for (const [arc, index] of kept) out.arcs[index] = topology.arcs[arc];
writeFileSync(target, JSON.stringify(out));
console.log(`${geometries.length} LAs, ${kept.size} of ${topology.arcs.length} arcs -> ${target}`);
