"""Dataset templates: the tables, logs and files a D2C company's systems hold.

A template lists its fields as ``F(kind, p, group)``: a field of ``kind`` is
included with probability ``p`` (``"a|b"`` picks one of several kinds), nested
under ``group`` in JSON lines and Parquet (``device.model``). Each split
instantiates every template once, with its own locale, naming style, field
subset and row count, so train and test differ in structure as well as values.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.corpus.kinds import N


@dataclass(frozen=True)
class F:
    kind: str
    p: float = 1.0
    group: str | None = None
    when: str | None = None  # only for locales of this region (e.g. Aadhaar: "IN"); "!IN": all others


@dataclass(frozen=True)
class Template:
    key: str
    container: str  # sql, csv, csv_noheader, tsv, parquet, jsonl, access, plain
    names: dict[str, tuple[str, ...]]
    fields: tuple[F, ...]
    opaque: bool = False      # columns are named c1, c2, ...: only values speak
    native: bool = True       # columns may be named in the locale's language
    folder: str = "db"        # which source: db, logs or files


def T(key: str, container: str, names: dict, *fields: F, **kw: object) -> Template:
    folder = {"sql": "db", "access": "logs", "plain": "logs", "jsonl": "logs"}.get(container, "files")
    return Template(key, container, names, fields, folder=kw.pop("folder", folder), **kw)


DOB = "dob_date|dob_text"
TEMPLATES: tuple[Template, ...] = (
    # --- SQL tables ------------------------------------------------------------------------------
    T("customers", "sql", N(en="customers customer cust_master", de="kunden", fr="clients", es="clientes",
                            pt="clientes", it="clienti", nl="klanten", hi="grahak"),
      F("row_id"), F("first_name"), F("last_name"), F("email"), F("phone", .9), F(DOB), F("country|country_code", .6),
      F("language", .5), F("time_zone", .4), F("created_at"), F("status", .5), F("counter", .5), F("company", .3)),
    T("users", "sql", N(en="users accounts app_users", de="benutzer", fr="utilisateurs", es="usuarios", pt="usuarios",
                        it="utenti", nl="gebruikers"),
      F("row_id"), F("username"), F("email"), F("password_hash"), F("ip", .8), F("created_at"), F("flag", .6),
      F("counter", .5), F("time_zone", .5), F("language", .5), F("fk_id", .3)),
    T("addresses", "sql", N(en="addresses customer_address", de="adressen", fr="adresses", es="direcciones",
                            pt="enderecos", it="indirizzi", nl="adressen"),
      F("row_id"), F("fk_id"), F("street"), F("address_line2", .7), F("city"), F("region", .7), F("postcode"),
      F("country|country_code", .8), F("lat", .5), F("lon", .5), F("created_at", .5)),
    T("payments", "sql", N(en="payments transactions", de="zahlungen", fr="paiements", es="pagos", pt="pagamentos",
                           it="pagamenti", nl="betalingen"),
      F("row_id"), F("order_no"), F("amount"), F("currency", .8), F("card_number"), F("full_name", .8),
      F("card_expiry", .8), F("postcode", .5), F("status"), F("created_at"), F("invoice_no", .4)),
    T("payment_methods", "sql", N(en="payment_methods saved_cards"),
      F("row_id"), F("fk_id"), F("card_last4"), F("masked_card", .7), F("card_expiry"), F("card_brand", .8),
      F("created_at"), F("flag", .5)),
    T("orders", "sql", N(en="orders sales_orders", de="bestellungen", fr="commandes", es="pedidos", pt="pedidos",
                         it="ordini", nl="bestellingen"),
      F("row_id"), F("order_no"), F("invoice_no", .7), F("fk_id"), F("amount"), F("currency", .6), F("counter", .7),
      F("sku", .8), F("status"), F("event_date"), F("tracking_no", .7), F("coupon", .4), F("full_address", .6),
      F("delivery_note", .4)),
    T("products", "sql", N(en="products catalog", de="artikel", fr="produits", es="productos", pt="produtos",
                           it="prodotti", nl="producten"),
      F("row_id"), F("sku"), F("product_name"), F("product_brand", .7), F("ean", .8), F("amount"), F("measure", .6),
      F("rating", .6), F("counter", .7), F("file_name", .6), F("checksum", .5), F("version", .3), F("category", .8)),
    T("sessions", "sql", N(en="sessions web_sessions"),
      F("row_id"), F("session_id"), F("fk_id", .8), F("ip"), F("user_agent"), F("landing_url", .8),
      F("referrer", .7), F("created_at"), F("duration", .7), F("counter", .5), F("ga_cookie", .4)),
    T("devices", "sql", N(en="devices user_devices", de="geraete", fr="appareils", es="dispositivos",
                          pt="dispositivos", it="dispositivi", nl="apparaten"),
      F("row_id"), F("fk_id", .7), F("device_uuid"), F("imei", .7), F("os"), F("device_model"), F("manufacturer", .7),
      F("carrier", .8), F("mcc_mnc", .3), F("mac", .6), F("version"), F("created_at"), F("flag", .5)),
    T("support_tickets", "sql", N(en="support_tickets tickets helpdesk_cases", de="tickets", fr="tickets_support",
                                  es="incidencias", pt="chamados", it="ticket_assistenza", nl="klachten"),
      F("row_id"), F("ticket_no", .7), F("subject"), F("ticket_body"), F("email", .8), F("staff_name", .7),
      F("status"), F("created_at"), F("category", .5)),
    T("employees", "sql", N(en="employees staff hr_employees", de="mitarbeiter", fr="employes", es="empleados",
                            pt="funcionarios", it="dipendenti", nl="medewerkers", hi="karmchari"),
      F("row_id"), F("first_name"), F("last_name"), F(DOB), F("national_id", .8), F("email"), F("phone", .8),
      F("job_title"), F("amount", .8), F("event_date"), F("age", .3), F("street", .5), F("city", .5),
      F("postcode", .5)),
    T("kyc", "sql", N(en="kyc_records kyc customer_kyc"),
      F("row_id"), F("fk_id"), F("full_name"), F("aadhaar", .9, when="IN"), F("national_id", when="!IN"),
      F("pan", .8, when="IN"), F("passport", .6), F("dob_text"), F("full_address", .7), F("postcode", .5),
      F("created_at"), F("file_name", .8), F("checksum", .7), F("status", .6)),
    T("app_events", "sql", N(en="app_events events event_log"),
      F("row_id"), F("event_name"), F("payload_json"), F("props_json"), F("uuid_id"), F("created_at"),
      F("fk_id", .7), F("version", .5)),
    T("leads", "sql", N(en="leads crm_leads prospects", de="interessenten", fr="prospects", es="prospectos",
                        pt="leads", it="contatti", nl="leads"),
      F("row_id"), F("full_name"), F("email"), F("phone", .8), F("company"), F("job_title", .7), F("landing_url", .6),
      F("referrer", .5), F("score", .8), F("status", .5), F("created_at"), F("country", .5)),
    T("location_pings", "sql", N(en="location_pings geo_events"),
      F("row_id"), F("device_uuid"), F("lat"), F("lon"), F("measure"), F("duration", .5), F("created_at"),
      F("score", .6), F("carrier", .4)),
    T("reviews", "sql", N(en="reviews product_reviews", de="bewertungen", fr="avis", es="resenas",
                          pt="avaliacoes", it="recensioni", nl="recensies"),
      F("row_id"), F("sku"), F("rating"), F("review_text"), F("full_name", .7), F("created_at"), F("counter", .6),
      F("age", .3)),
    T("shipments", "sql", N(en="shipments deliveries", de="sendungen", fr="expeditions", es="envios",
                            pt="entregas", it="spedizioni", nl="zendingen"),
      F("row_id"), F("tracking_no"), F("courier"), F("full_name"), F("phone"), F("full_address|street"),
      F("postcode"), F("city", .8), F("measure", .6), F("event_date"), F("delivery_note", .8), F("order_no", .5)),
    T("newsletter", "sql", N(en="newsletter_subscribers subscribers mailing_list"),
      F("row_id"), F("email"), F("language"), F("time_zone", .7), F("ip", .7), F("version", .6), F("created_at"),
      F("flag", .8), F("first_name", .4)),
    T("api_credentials", "sql", N(en="api_credentials api_keys integrations"),
      F("row_id"), F("username"), F("api_secret"), F("created_at"), F("event_date", .7), F("uuid_id", .5),
      F("status", .5), F("host", .4)),
    T("inventory", "sql", N(en="inventory stock_levels", de="lagerbestand", fr="inventaire", es="inventario",
                            pt="estoque", it="magazzino", nl="voorraad"),
      F("row_id"), F("sku"), F("warehouse"), F("counter"), F("invoice_no", .4), F("amount", .7), F("created_at"),
      F("version", .6), F("build_sha", .5), F("ean", .5), F("year", .5), F("host", .3)),
    T("audit_log", "sql", N(en="audit_log audit_trail"),
      F("row_id"), F("username"), F("event_name"), F("ip"), F("user_agent", .5), F("created_at"), F("checksum", .7),
      F("uuid_id", .8), F("host", .5)),
    T("members", "sql", N(en="loyalty_members members", de="mitglieder", fr="membres", es="socios", pt="membros",
                          it="soci", nl="leden", hi="sadasya"),
      F("row_id"), F("full_name"), F("age"), F("dob_date", .5), F("language_name", .6), F("phone", .8),
      F("category", .6), F("counter", .8), F("year", .5), F("email", .5), F("country", .5)),
    T("consents", "sql", N(en="cookie_consents consents"),
      F("row_id"), F("session_id"), F("ga_cookie", .8), F("flag"), F("ip", .8), F("user_agent", .7), F("version", .6),
      F("created_at"), F("time_zone", .5)),
    T("staging_import", "sql", N(en="staging_import tmp_load_7 import_batch"),
      F("email"), F("phone"), F("ip", .7), F("user_agent", .5), F("card_number", .5), F("imei", .4), F("mac", .5),
      F("landing_url", .4), F("time_zone", .5), F("language", .5), F("ga_cookie", .3), F("masked_card", .3),
      F("created_at"), F("amount", .8), F("order_no", .7), F("sku", .6), F("uuid_id", .5), F("version", .6),
      F("checksum", .5), F("status", .7), F("counter", .6), F("event_date", .5), F("tracking_no", .5), F("ean", .4),
      opaque=True),
    T("b2b_contacts", "sql", N(en="b2b_contacts business_contacts", de="geschaeftskontakte", fr="contacts_pro",
                               es="contactos_empresa", pt="contatos_empresa", it="contatti_aziendali",
                               nl="zakelijke_contacten"),
      F("row_id"), F("full_name"), F("email"), F("phone"), F("company"), F("job_title"), F("country"), F("city", .7),
      F("language", .5), F("created_at"), F("score", .4)),
    T("guest_checkouts", "sql", N(en="guest_checkouts guest_orders"),
      F("row_id"), F("email"), F("phone", .8), F("full_name"), F("full_address"), F("postcode", .7), F("ip"),
      F("user_agent", .7), F("card_last4"), F("card_expiry", .7), F("amount"), F("created_at"), F("order_no", .7)),
    T("profiles", "sql", N(en="user_profiles profiles", de="profile", fr="profils", es="perfiles", pt="perfis",
                           it="profili", nl="profielen", hi="parichay"),
      F("row_id"), F("fk_id"), F("first_name"), F("last_name"), F("age"), F(DOB, .6), F("country_code"),
      F("language_name", .6), F("time_zone"), F("company", .6), F("username", .7), F("created_at"), F("rating", .3)),
    T("oauth_tokens", "sql", N(en="oauth_tokens user_tokens"),
      F("row_id"), F("fk_id"), F("username", .6), F("api_secret"), F("api_secret", .7), F("session_id", .7),
      F("created_at"), F("event_date"), F("uuid_id", .6), F("ip", .6)),
    # --- logs ------------------------------------------------------------------------------------
    T("access", "access", N(en="access.log"),
      F("ip"), F("access_user"), F("access_time"), F("access_request"), F("http_status"), F("bytes_sent"),
      F("access_referrer"), F("user_agent")),
    T("app", "jsonl", N(en="app.jsonl"),
      F("created_at", group=""), F("log_level", group=""), F("app_message", group=""), F("fk_id", group="user"),
      F("email", group="user"), F("full_name", .6, group="user"), F("ip", group="ctx"),
      F("user_agent", .7, group="ctx"),
      F("uuid_id", group=""), F("duration", .5, group=""), F("version", .5, group="app"), native=False),
    T("mobile_events", "jsonl", N(en="mobile-events.jsonl"),
      F("created_at", group=""), F("event_name", group=""), F("device_uuid", group="device"),
      F("device_model", group="device"), F("os", group="device"), F("manufacturer", .5, group="device"),
      F("carrier", group="network"), F("mac", .4, group="network"), F("lat", group="geo"), F("lon", group="geo"),
      F("version", group="app"), F("language", .7, group=""), F("time_zone", .7, group=""),
      F("score", .5, group="device"), native=False),
    T("api", "jsonl", N(en="api.jsonl"),
      F("created_at", group=""), F("http_method", group=""), F("api_path", group=""), F("http_status", group=""),
      F("duration", group=""), F("ip", group="request"), F("user_agent", group="request.headers"),
      F("referrer", .6, group="request.headers"), F("request_body", group="request"), F("uuid_id", group=""),
      native=False),
    T("wifi", "jsonl", N(en="wifi-scans.jsonl"),
      F("created_at", group=""), F("device_uuid", group="device"), F("mac", group="ap"), F("mac", .6, group="device"),
      F("carrier", .8, group="cell"), F("mcc_mnc", group="cell"), F("ip", .6, group="device"),
      F("measure", group="ap"), F("lat_lon", .6, group=""), native=False),
    T("auth", "plain", N(en="auth.log"), F("auth_line")),
    T("payments_log", "plain", N(en="payments.log"), F("payment_line")),
    T("sms", "plain", N(en="sms-gateway.log"), F("sms_line")),
    T("mail", "plain", N(en="mail.log"), F("bounce_line")),
    # --- files -----------------------------------------------------------------------------------
    T("customer_export", "csv", N(en="customers_export.csv", de="kunden_export.csv", fr="export_clients.csv",
                                  es="exportacion_clientes.csv", pt="exportacao_clientes.csv",
                                  it="esportazione_clienti.csv", nl="klanten_export.csv"),
      F("first_name"), F("last_name"), F("email"), F("phone", .8), F("street", .8), F("postcode"), F("city"),
      F(DOB, .6), F("country", .5), F("counter", .5), F("event_date", .5)),
    T("opaque_export", "csv_noheader", N(en="export_0042.csv"),
      F("email"), F("phone", .8), F("ip", .6), F("card_number", .4), F("user_agent", .4), F("time_zone", .4),
      F("mac", .3), F("created_at"), F("amount", .8), F("order_no", .6), F("status", .6), F("version", .4),
      F("checksum", .4), opaque=True),
    T("orders_export", "csv", N(en="orders_export.csv", de="bestellungen.csv", fr="commandes.csv", es="pedidos.csv",
                                pt="pedidos.csv", it="ordini.csv", nl="bestellingen.csv"),
      F("order_no"), F("invoice_no", .8), F("event_date"), F("sku"), F("product_name"), F("counter"), F("amount"),
      F("currency", .6), F("tracking_no", .7), F("full_address", .7), F("full_name", .7), F("ean", .4)),
    T("users_parquet", "parquet", N(en="users.parquet"),
      F("first_name", group="profile"), F("last_name", group="profile"), F("email", group="profile"),
      F("phone", .8, group="profile"), F("dob_text", .7, group="profile"), F("city", group="address"),
      F("postcode", .8, group="address"), F("country_code", .7, group="address"), F("language", .7, group="prefs"),
      F("time_zone", .7, group="prefs"), F("created_at", group="meta"), F("version", .5, group="meta"),
      F("tags", .6, group=""), native=False),
    T("telemetry_parquet", "parquet", N(en="device_telemetry.parquet"),
      F("imei", group="device"), F("os", group="device"), F("device_model", .8, group="device"),
      F("carrier", group="net"), F("ip", group="net"), F("mac", .6, group="net"), F("lat", group="geo"),
      F("lon", group="geo"), F("score", group="metrics"), F("measure", group="metrics"), F("created_at", group=""),
      native=False),
    T("newsletter_csv", "csv", N(en="newsletter_signups.csv"),
      F("email"), F("first_name", .6), F("language"), F("flag"), F("created_at"), F("referrer", .5)),
    T("hr_csv", "csv", N(en="hr_master.csv", de="personalstamm.csv", fr="personnel.csv", es="personal.csv",
                         pt="funcionarios.csv", it="personale.csv", nl="personeel.csv"),
      F("first_name"), F("last_name"), F(DOB), F("national_id", .8), F("street", .7), F("postcode", .7), F("city", .7),
      F("phone", .6), F("job_title"), F("amount"), F("event_date"), F("company", .5)),
    T("tickets_csv", "csv", N(en="tickets_export.csv"),
      F("ticket_no"), F("created_at"), F("subject"), F("ticket_body"), F("status"), F("email", .6),
      F("staff_name", .5)),
    T("events_jsonl", "jsonl", N(en="checkout_events.jsonl"),
      F("created_at", group=""), F("event_name", group=""), F("uuid_id", group=""), F("payload_json", group=""),
      F("session_id", group="ctx"), F("ip", .7, group="ctx"), F("props_json", .5, group=""), native=False,
      folder="files"),
    T("chats_csv", "csv", N(en="support_chats.csv", de="chats.csv", fr="discussions.csv", es="chats.csv",
                            pt="conversas.csv", it="chat.csv", nl="chats.csv"),
      F("ticket_no"), F("created_at"), F("chat_message"), F("status", .6)),
    T("leads_tsv", "tsv", N(en="leads.tsv"),
      F("full_name"), F("email"), F("company"), F("phone", .7), F("score"), F("landing_url", .6),
      F("created_at"), F("country", .5)),
    # a mailbox export: headers with display names beside Exchange, Notes and SMTP addresses (Enron's X- forms)
    T("mail_headers_csv", "csv", N(en="mail_headers.csv mailbox_export.csv", de="postfach.csv"),
      F("uuid_id"), F("created_at"), F("mail_sender"), F("mail_display"), F("mail_recipients"),
      F("subject", .7)),
    T("entries", "sql", N(en="tournament_entries registrations entrants", de="anmeldungen", fr="inscriptions",
                          es="inscripciones", pt="inscricoes", it="iscrizioni", nl="inschrijvingen"),
      F("row_id"), F("full_name"), F("team"), F("event_date"), F("score", .7)),
)
