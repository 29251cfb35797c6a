"""Decoy kinds: fields that are NOT personal but look like something that is.

Each decoy imitates a type: version strings and IPs (10.2.3.4), years and card
last-four digits, order and tracking numbers and card numbers, hex checksums
and password hashes, event timestamps and birth dates, small counters and ages,
measurement floats and coordinates, product names and people or places
("Victoria Sponge", "Kerala Spice Mix"), request UUIDs and device ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string
import uuid

from benchmarks.corpus.kinds import N, kind
from benchmarks.corpus.values import AS_OF, HEX, Row, pick, rand

PRODUCTS = (
    "Kerala Spice Mix", "Victoria Sponge", "Darjeeling First Flush", "Paris Gift Box", "Earl Grey Tea",
    "Black Forest Cake", "Margherita Pizza Kit", "Mysore Pak", "Madras Curry Powder", "Kashmir Saffron 1g",
    "Amalfi Lemon Soap", "Peach Melba Jam", "Caesar Dressing", "Bombay Mix 500g", "Nutella 750g",
    "Goa Cashews", "Alphonso Mango Pulp", "Lyon Sausage", "Berliner Weisse", "Champagne Truffles",
    "Hyderabadi Biryani Masala", "Chelsea Boots", "Oxford Shirt", "Santorini Sandals", "Florence Leather Wallet",
    "Nilgiri Green Tea", "Rajasthani Block Print Kurta", "Lady Grey Tea", "Sachertorte", "Churros Mix",
)
BRANDS = ("Kesar", "Lumen", "Nimbu Naturals", "Himalayan Brew", "Soma", "Zari & Co", "Bluefin", "Pahadi")


def _ts(r: Row) -> dt.datetime:
    return dt.datetime(2024, 1, 1) + dt.timedelta(seconds=r.rng.randint(0, 3 * 365 * 86400))


def _ean(r: Row, prefix: str) -> str:
    body = prefix + rand(r, string.digits, 12 - len(prefix))
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def _order_no(r: Row) -> str:
    x = r.rng.random()
    if x < 0.3:
        return f"ORD-{r.rng.randint(2023, 2026)}-{r.rng.randint(1, 999999):06d}"
    if x < 0.55:
        return f"{pick(r, ('402', '403', '404', '405', '406', '407', '171', '112', '114'))}-" \
               f"{rand(r, string.digits, 7)}-{rand(r, string.digits, 7)}"
    if x < 0.75:
        return "OD1" + rand(r, string.digits, 17)
    return f"#{r.rng.randint(1000, 99999)}"


def _invoice_no(r: Row) -> str:
    y = r.rng.randint(2023, 2026)
    return pick(r, (f"INV/{y}-{(y + 1) % 100:02d}/{r.rng.randint(1, 99999):05d}",
                    f"RE-{y}-{r.rng.randint(1, 9999):04d}",
                    f"FAC-{y}-{r.rng.randint(1, 99999):05d}", f"F{y}/{r.rng.randint(1, 9999):04d}",
                    f"INV{r.rng.randint(10**6, 10**7 - 1)}"))


def _tracking_no(r: Row) -> str:
    x = r.rng.random()
    if x < 0.2:
        return "1Z" + rand(r, string.ascii_uppercase + string.digits, 6) + rand(r, string.digits, 10)
    if x < 0.4:
        return rand(r, "ECRL", 1) + rand(r, string.ascii_uppercase, 1) + rand(r, string.digits, 9) + "IN"
    if x < 0.55:
        return rand(r, string.digits, 10)
    if x < 0.7:
        return rand(r, string.digits, 12)
    if x < 0.85:
        return pick(r, ("9400", "9205", "9361")) + rand(r, string.digits, 18)
    return pick(r, ("14", "15", "19")) + rand(r, string.digits, 11)


def _version(r: Row) -> str:
    x = r.rng.random()
    if x < 0.35:
        return f"{r.rng.randint(1, 12)}.{r.rng.randint(0, 9)}.{r.rng.randint(0, 20)}.{r.rng.randint(0, 300)}"
    if x < 0.7:
        return f"{r.rng.randint(1, 9)}.{r.rng.randint(0, 30)}.{r.rng.randint(0, 15)}"
    if x < 0.85:
        return f"v{r.rng.randint(1, 5)}.{r.rng.randint(0, 12)}.{r.rng.randint(0, 9)}" + pick(r, ("", "-beta", "-rc1"))
    return f"{r.rng.randint(2019, 2026)}.{r.rng.randint(1, 12)}.{r.rng.randint(1, 28)}"


def _file_name(r: Row) -> str:
    d = _ts(r)
    return pick(r, (f"invoice_{d:%Y_%m}_{r.rng.randint(1, 999):03d}.pdf", f"IMG_{d:%Y%m%d_%H%M%S}.jpg",
                    f"export-{d:%Y-%m-%d}.csv", f"scan_{r.rng.randint(1, 9999):04d}.png",
                    f"uploads/{d:%Y/%m}/{rand(r, HEX, 12)}.webp", f"report_q{r.rng.randint(1, 4)}_{d.year}.xlsx"))


def _checksum(r: Row) -> str:
    data = r.rng.randbytes(24)
    return pick(r, (hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(), hashlib.sha256(data).hexdigest()))


def _amount(r: Row) -> str:
    a = r.rng.randint(49, 250_000) / 100
    return pick(r, (f"{a:.2f}", f"{a:.2f}", f"₹{a:,.2f}", f"€ {a:.2f}".replace(".", ","), f"{a:.2f} EUR"))


kind("row_id", (), lambda r: None, N(en="id"), sql_type="INTEGER")  # filled with the row number by the writer
kind("fk_id", (), lambda r: r.rng.randint(1, 50_000), N(
    en="customer_id user_id account_id order_id product_id parent_id cust_id usr_id", de="kunden_id kundennummer",
    fr="id_client", es="id_cliente", pt="id_cliente", it="id_cliente", nl="klant_id"), sql_type="INTEGER",
    evident=True)
kind("uuid_id", (), lambda r: str(uuid.UUID(int=r.rng.getrandbits(128), version=4)), N(
    en="request_id trace_id event_id correlation_id transaction_uuid message_id job_id span_id"), evident=True)
kind("created_at", (), lambda r: _ts(r).isoformat(sep=" "), N(
    en="created_at updated_at last_seen_at ts timestamp modified_at inserted_at", de="erstellt_am geaendert_am",
    fr="date_creation date_maj", es="fecha_creacion fecha_actualizacion", pt="data_criacao data_atualizacao",
    it="data_creazione data_modifica", nl="aangemaakt_op gewijzigd_op"), evident=True)
kind("epoch", (), lambda r: int(_ts(r).timestamp() * pick(r, (1, 1000))), N(
    en="epoch_ms event_time created_ts ts_ms unix_time"), sql_type="INTEGER", evident=True)
kind("event_date", (), lambda r: (AS_OF - dt.timedelta(days=r.rng.randint(0, 2000))).isoformat(), N(
    en="order_date delivery_date hire_date start_date invoice_date valid_from shipped_on due_date",
    de="bestelldatum lieferdatum eintrittsdatum", fr="date_commande date_livraison", es="fecha_pedido fecha_entrega",
    pt="data_pedido data_entrega", it="data_ordine data_consegna", nl="besteldatum leverdatum"), evident=True)
kind("year", (), lambda r: r.rng.randint(1995, 2026), N(
    en="year model_year fiscal_year release_year vintage"), sql_type="INTEGER")
kind("version", (), _version, N(
    en="app_version version firmware_version build schema_version sdk_version client_version release"), evident=True)
kind("file_name", (), _file_name, N(en="file_name attachment image_file doc_file filename path"), evident=True)
kind("order_no", (), _order_no, N(
    en="order_number order_no order_ref external_order_id marketplace_order_id", de="bestellnummer auftragsnummer",
    fr="numero_commande", es="numero_pedido", pt="numero_pedido", it="numero_ordine", nl="bestelnummer"),
    evident=True)
kind("invoice_no", (), _invoice_no, N(
    en="invoice_no invoice_number inv_no bill_no", de="rechnungsnummer", fr="numero_facture", es="numero_factura",
    pt="numero_fatura", it="numero_fattura", nl="factuurnummer"), evident=True)
kind("tracking_no", (), _tracking_no, N(
    en="tracking_no awb tracking_number waybill shipment_ref consignment_no", de="sendungsnummer",
    fr="numero_suivi", es="numero_seguimiento", pt="codigo_rastreio", it="numero_spedizione", nl="track_trace"),
    evident=True)
kind("sku", (), lambda r: pick(r, (f"SKU-{r.rng.randint(1, 99999):05d}",
                                   f"{rand(r, string.ascii_uppercase, 3)}-{r.rng.randint(100, 999)}G-IN",
                                   f"{rand(r, string.ascii_uppercase, 2)}-{pick(r, ('BLU', 'RED', 'BLK'))}-"
                                   f"{pick(r, ('S', 'M', 'L', 'XL'))}")), N(
    en="sku product_sku item_code article_no", de="artikelnummer", fr="reference_article", es="referencia",
    pt="codigo_produto", it="codice_articolo", nl="artikelnummer"), evident=True)
kind("ean", (), lambda r: _ean(r, pick(r, ("890", "890", "400", "401", "76", "80"))), N(
    en="ean barcode gtin ean13 upc"), evident=True)
kind("checksum", (), _checksum, N(
    en="checksum md5 sha256 etag file_hash content_hash row_checksum digest"), evident=True)
kind("build_sha", (), lambda r: rand(r, HEX, pick(r, (7, 40))), N(en="git_sha commit build_sha revision"),
     evident=True)
kind("rating", (), lambda r: pick(r, (r.rng.randint(1, 5), round(r.rng.uniform(1, 5), 1))), N(
    en="rating stars review_score nps", de="bewertung", fr="note", es="valoracion", pt="avaliacao",
    it="valutazione", nl="beoordeling"), sql_type="REAL", evident=True)
kind("counter", (), lambda r: r.rng.randint(0, 500), N(
    en="login_count page_views retries items_in_cart loyalty_points visits clicks stock qty quantity",
    de="anzahl menge", fr="quantite", es="cantidad", pt="quantidade", it="quantita", nl="aantal"),
    sql_type="INTEGER", evident=True)
kind("score", (), lambda r: r.rng.randint(0, 100), N(
    en="score lead_score battery_pct progress completion_pct risk_score"), sql_type="INTEGER")
kind("amount", (), _amount, N(
    en="amount total price unit_price subtotal refund_amount salary balance", de="betrag preis gehalt",
    fr="montant prix", es="importe precio", pt="valor preco", it="importo prezzo", nl="bedrag prijs"), evident=True)
kind("measure", (), lambda r: round(r.rng.uniform(0, 90), pick(r, (2, 4, 6))), N(
    en="weight_kg accuracy_m speed_kmh discount_rate temperature altitude_m"), sql_type="REAL")
kind("duration", (), lambda r: r.rng.randint(3, 120_000), N(
    en="duration_ms latency_ms elapsed_ms response_time_ms"), sql_type="INTEGER", evident=True)
kind("product_name", (), lambda r: pick(r, PRODUCTS), N(
    en="product_name title item_name product_title description_short", de="produktname artikelname",
    fr="nom_produit", es="nombre_producto", pt="nome_produto", it="nome_prodotto", nl="productnaam"), evident=True)
kind("product_brand", (), lambda r: pick(r, BRANDS), N(en="brand label vendor"))
kind("category", (), lambda r: pick(r, ("Spices", "Tea", "Bakery", "Apparel", "Footwear", "Home", "Beauty")), N(
    en="category department collection segment"), evident=True)
kind("status", (), lambda r: pick(r, ("pending", "shipped", "delivered", "cancelled", "refunded", "failed")), N(
    en="status order_status payment_status fulfillment_status", de="status", fr="statut", es="estado_pedido",
    pt="situacao", it="stato", nl="status"), evident=True)
kind("currency", (), lambda r: pick(r, ("INR", "EUR", "USD", "GBP", "BRL")), N(en="currency currency_code ccy"),
     evident=True)
kind("coupon", (), lambda r: pick(r, ("DIWALI20", "BFCM-2026", "WELCOME10", "FREESHIP", "SUMMER15")), N(
    en="coupon_code promo_code voucher"), evident=True)
kind("flag", (), lambda r: r.rng.randint(0, 1), N(
    en="is_active consent_given push_enabled is_deleted newsletter_opt_in verified"), sql_type="INTEGER",
    evident=True)
kind("job_title", (), lambda r: pick(r, ("Software Engineer", "Store Manager", "Accountant", "Designer",
                                         "Sales Associate", "Warehouse Lead")), N(
    en="job_title designation role position", de="position berufsbezeichnung", fr="poste", es="cargo",
    pt="cargo", it="mansione", nl="functie"))
kind("event_name", (), lambda r: pick(r, ("app_open", "add_to_cart", "checkout_start", "purchase", "login",
                                          "logout", "search")), N(en="event event_name event_type action"),
     evident=True)
kind("courier", (), lambda r: pick(r, ("Delhivery", "Blue Dart", "DHL Express", "UPS", "Correos", "PostNL")),
     N(en="courier carrier_service shipping_provider logistics_partner"), evident=True)
kind("host", (), lambda r: f"{pick(r, ('web', 'api', 'worker'))}-{r.rng.randint(1, 12):02d}.prod.internal", N(
    en="hostname host server node"), evident=True)
kind("warehouse", (), lambda r: f"WH-{pick(r, ('BLR', 'DEL', 'MUM', 'FRA', 'MAD'))}-{r.rng.randint(1, 9)}", N(
    en="warehouse_code bin_location store_code"), evident=True)


def _props(r: Row) -> str:
    doc = {"sku": f"SKU-{r.rng.randint(1, 99999):05d}", "qty": r.rng.randint(1, 5),
           "price": r.rng.randint(99, 99999) / 100, "currency": pick(r, ("INR", "EUR"))}
    if r.rng.random() < 0.5:
        doc["experiment"] = {"name": pick(r, ("new_checkout", "free_ship_banner")), "variant": pick(r, "AB")}
    return json.dumps(doc)


kind("props_json", (), _props, N(en="properties props attributes extra metadata cart"), evident=True)
kind("card_brand", (), lambda r: pick(r, ("VISA", "MASTERCARD", "RUPAY", "AMEX", "MAESTRO")), N(
    en="card_brand card_type card_scheme card_network funding_type"), evident=True)
kind("ticket_no", (), lambda r: f"TCK-{r.rng.randint(2024, 2026)}-{r.rng.randint(1, 99999):05d}", N(
    en="ticket_no ticket_number case_no reference_no"), evident=True)
kind("log_level", (), lambda r: pick(r, ("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG")), N(en="level severity"),
     evident=True)
kind("http_method", (), lambda r: pick(r, ("GET", "GET", "POST", "PUT", "DELETE")), N(en="method http_method verb"),
     evident=True)
kind("http_status", (), lambda r: pick(r, (200, 200, 200, 201, 204, 301, 400, 401, 404, 500)), N(
    en="status http_status status_code response_code"), sql_type="INTEGER", evident=True)
kind("api_path", (), lambda r: pick(r, ("/api/v1/orders", "/api/v1/cart", "/api/v2/search", "/api/v1/login",
                                        f"/api/v1/orders/{r.rng.randint(1, 99999)}", "/healthz")), N(
    en="path endpoint route uri_path"), evident=True)
kind("tags", (), lambda r: json.dumps(r.rng.sample(["new", "vip", "festive", "bulk", "returning", "b2b"],
                                                     r.rng.randint(0, 3))), N(en="tags labels segments"),
     evident=True)
kind("access_time", (), lambda r: f"{_ts(r):%d/%b/%Y:%H:%M:%S} {pick(r, ('+0530', '+0100', '+0000', '-0500'))}",
     N(en="time_local"))
_PAGES = ("/", "/p/kerala-spice-mix", "/cart", "/checkout", "/static/app.js", "/api/v1/orders", "/search?q=saffron",
          "/account/login")
kind("access_request", (), lambda r: f"{pick(r, ('GET', 'GET', 'GET', 'POST'))} {pick(r, _PAGES)} HTTP/1.1",
     N(en="request"))
kind("bytes_sent", (), lambda r: r.rng.randint(0, 250_000), N(en="body_bytes_sent"), sql_type="INTEGER")
