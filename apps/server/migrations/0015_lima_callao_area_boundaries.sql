-- Provinces and departments drawn from the IGN district boundaries of Lima and Callao. The INEI 2007 outline of
-- Lima province has 45 vertices and cuts across districts whose IGN boundaries have thousands, so an instrument over
-- "1501" drawn with it contradicted the evaluator, which covers a code with the union of its districts. These are
-- those unions, once (the reference data never changes at run time): provinces 1501 and 0701 and the departments
-- 15 and 07 (the districts of Lima department outside Lima province keep their INEI boundaries in the union).
CREATE TABLE ref_lima_callao_area (
  ubigeo  text PRIMARY KEY CHECK (ubigeo ~ '^([0-9]{2}|[0-9]{4})$'),
  geom    geometry(MultiPolygon, 4326) NOT NULL
);

INSERT INTO ref_lima_callao_area (ubigeo, geom)
SELECT code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(geom)), 3))
  FROM (
    SELECT c.code, coalesce(lc.geom, d.geom) AS geom
      FROM (VALUES ('1501'), ('0701'), ('15'), ('07')) AS c(code)
      JOIN ref_district d ON left(d.ubigeo, length(c.code)) = c.code
      LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo
     WHERE d.geom IS NOT NULL OR lc.geom IS NOT NULL
  ) parts
 GROUP BY code;
