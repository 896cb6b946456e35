-- Mentions by record id: dyad serve looks events up by the id of one of
-- their mentions (GET /api/events/{id}).
CREATE INDEX mentions_id ON mentions (id);
