DROP INDEX pages_legacy_url_idx ON pages;
DROP INDEX pages_title_idx ON pages;
DROP INDEX pages_body_prefix_idx ON pages;
