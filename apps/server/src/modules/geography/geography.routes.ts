import {
  ZAreaGeometry,
  ZAreaGeometryQuery,
  ZDepartment,
  ZDistrict,
  ZDistrictListQuery,
  ZDistrictLocation,
  ZLocateDistrictQuery,
  ZProvince,
  ZProvinceListQuery,
  ZUbigeoParams,
} from '@enlace/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { getAreaGeometry } from './get-area-geometry.ts';
import { listDepartments } from './list-departments.ts';
import { listDistricts } from './list-districts.ts';
import { listProvinces } from './list-provinces.ts';
import { locateDistrict } from './locate-district.ts';

const tags = ['geography'];

/** Reference geography of Peru: departments, provinces, districts (UBIGEO), point lookup, boundaries. */
export function geographyRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/geo/departments', {
      config: { access: 'geo:read' },
      schema: { tags, response: { 200: z.object({ items: z.array(ZDepartment) }) } },
    }, async () => ({ items: await listDepartments({ db: ctx.db }) }));

    app.get('/geo/provinces', {
      config: { access: 'geo:read' },
      schema: { tags, querystring: ZProvinceListQuery, response: { 200: z.object({ items: z.array(ZProvince) }) } },
    }, async (req) => ({ items: await listProvinces({ db: ctx.db, department: req.query.department }) }));

    app.get('/geo/districts', {
      config: { access: 'geo:read' },
      schema: { tags, querystring: ZDistrictListQuery, response: { 200: z.object({ items: z.array(ZDistrict) }) } },
    }, async (req) => ({ items: await listDistricts({ db: ctx.db, ...req.query }) }));

    // A point outside Peru is an answer, not a missing resource: 200 with district null.
    app.get('/geo/locate', {
      config: { access: 'geo:read' },
      schema: { tags, querystring: ZLocateDistrictQuery, response: { 200: z.object({ district: ZDistrictLocation.nullable() }) } },
    }, async (req) => ({ district: await locateDistrict({ db: ctx.db, ...req.query }) }));

    app.get('/geo/areas/:ubigeo/geometry', {
      config: { access: 'geo:read' },
      schema: { tags, params: ZUbigeoParams, querystring: ZAreaGeometryQuery, response: { 200: ZAreaGeometry } },
    }, async (req) => {
      const area = await getAreaGeometry({ db: ctx.db, ubigeo: req.params.ubigeo, tolerance: req.query.tolerance });
      if (!area) throw notFound();
      return area;
    });
  };
}
