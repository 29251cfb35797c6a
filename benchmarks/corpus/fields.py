"""Personal field kinds: every entity type of shared/spec/entities.md, under the names schemas give it.

Names are what production schemas use (snake_case; camelCase and other
spellings are derived when a dataset is written), in English with its usual
abbreviations, German, French, Spanish, Portuguese, Italian, Dutch and common
Hindi transliterations.
"""

from __future__ import annotations

from benchmarks.corpus import values as v
from benchmarks.corpus.kinds import N, kind

# --- PERSON_NAME --------------------------------------------------------------------------------
kind("first_name", "PERSON_NAME", v.first_name, N(
    en="first_name fname given_name first_nm forename firstname f_name cust_first_name",
    de="vorname rufname", fr="prenom prenom_client", es="nombre nombre_pila", pt="primeiro_nome nome",
    it="nome nome_battesimo", nl="voornaam roepnaam", hi="pehla_naam naam"))
kind("last_name", "PERSON_NAME", v.last_name, N(
    en="last_name lname surname last_nm family_name lastname l_name cust_surname",
    de="nachname familienname zuname", fr="nom nom_famille nom_de_famille", es="apellido apellidos primer_apellido",
    pt="sobrenome apelido ultimo_nome", it="cognome", nl="achternaam familienaam", hi="upnaam kulnaam"))
kind("full_name", "PERSON_NAME", v.full_name, N(
    en="full_name name customer_name cust_nm contact_name holder_name display_name recipient_name cardholder_name "
       "billing_name account_holder person_name shipto_name contact_person",
    de="name kundenname vollstaendiger_name ansprechpartner empfaenger karteninhaber",
    fr="nom_complet nom_client titulaire destinataire nom_prenom",
    es="nombre_completo nombre_cliente titular destinatario",
    pt="nome_completo nome_cliente titular destinatario", it="nome_completo nominativo intestatario destinatario",
    nl="volledige_naam klantnaam naam ontvanger", hi="naam pura_naam grahak_naam"))
kind("staff_name", "PERSON_NAME", v.full_name, N(
    en="agent_name assignee sales_rep manager_name handled_by owner_name created_by_name reviewer_name",
    de="bearbeiter sachbearbeiter", fr="conseiller nom_agent", es="agente nombre_agente", pt="atendente nome_agente",
    it="nome_agente addetto", nl="behandelaar medewerker"))

# --- mail headers: display names beside addresses -----------------------------------------------
kind("mail_sender", "PERSON_NAME EMAIL_ADDRESS", v.mail_sender, N(
    en="from sender from_header mail_from reply_to sender_address from_addr", de="absender von",
    fr="expediteur de", es="remitente de", pt="remetente de", it="mittente da", nl="afzender van"))
kind("mail_display", "PERSON_NAME", v.mail_display, N(
    en="x_from from_display sender_name x_sender from_name", de="absender_name", fr="nom_expediteur",
    es="nombre_remitente", pt="nome_remetente", it="nome_mittente", nl="naam_afzender"))
kind("mail_recipients", "PERSON_NAME EMAIL_ADDRESS", v.mail_recipients, N(
    en="to recipients cc mail_to to_header bcc x_to", de="empfaenger an kopie", fr="destinataires a cc",
    es="destinatarios para cc", pt="destinatarios para cc", it="destinatari a cc", nl="ontvangers aan cc"))

# --- EMAIL_ADDRESS ------------------------------------------------------------------------------
kind("email", "EMAIL_ADDRESS", v.email, N(
    en="email email_address email_addr e_mail mail contact_email eml user_email billing_email notify_email "
       "email_id emailaddress",
    de="e_mail_adresse email mail_adresse emailadresse", fr="courriel adresse_mail adresse_email email",
    es="correo correo_electronico email", pt="email endereco_email correio_eletronico",
    it="posta_elettronica indirizzo_email email", nl="emailadres e_mailadres email", hi="email email_pata"),
    evident=True, null_rate=0.03)

# --- PHONE_NUMBER -------------------------------------------------------------------------------
kind("phone", "PHONE_NUMBER", v.phone, N(
    en="phone phone_number mobile tel_no contact_no mobile_number msisdn cell phone_no mob_no telephone "
       "whatsapp_no ph_no contact_number",
    de="telefon telefonnummer handynummer mobilnummer tel", fr="telephone portable numero_telephone tel_portable",
    es="telefono movil celular numero_telefono", pt="telefone celular numero_celular fone",
    it="telefono cellulare numero_telefono", nl="telefoon telefoonnummer mobiel mobiel_nummer",
    hi="mobile_no sampark_number phone_sankhya"), evident=True, null_rate=0.05)

# --- POSTAL_ADDRESS -----------------------------------------------------------------------------
kind("street", "POSTAL_ADDRESS", v.street, N(
    en="address street addr1 address_line1 street_address billing_address shipping_addr addr_line_1 "
       "delivery_address house_no_street addr",
    de="strasse adresse anschrift strasse_hausnummer", fr="adresse rue adresse_postale ligne_adresse",
    es="direccion calle domicilio", pt="endereco logradouro rua", it="indirizzo via domicilio",
    nl="adres straat straatnaam", hi="pata ghar_ka_pata"))
kind("address_line2", "POSTAL_ADDRESS", v.address_line2, N(
    en="address_line2 addr2 address2 apt_suite street2 addr_line_2", de="adresszusatz", fr="complement_adresse",
    es="direccion_2 complemento", pt="complemento", it="indirizzo_2", nl="toevoeging", hi="pata_2"), null_rate=0.4)
kind("postcode", "POSTAL_ADDRESS", v.postcode, N(
    en="zip postcode zip_code postal_code pin_code pincode post_code billing_zip", de="plz postleitzahl",
    fr="code_postal cp", es="codigo_postal cp", pt="cep codigo_postal", it="cap codice_postale", nl="postcode",
    hi="pincode pin"))
kind("full_address", "POSTAL_ADDRESS", v.full_address, N(
    en="full_address mailing_address postal_address ship_to_address correspondence_address shipping_address",
    de="lieferadresse rechnungsadresse postanschrift", fr="adresse_livraison adresse_facturation",
    es="direccion_envio direccion_completa", pt="endereco_entrega endereco_completo",
    it="indirizzo_spedizione indirizzo_completo", nl="afleveradres factuuradres", hi="pura_pata"))

# --- LOCATION / COUNTRY / GEO -------------------------------------------------------------------
kind("city", "LOCATION", v.city, N(
    en="city town city_name billing_city cty locality home_city", de="ort stadt wohnort", fr="ville commune",
    es="ciudad localidad municipio", pt="cidade municipio", it="citta comune localita", nl="plaats woonplaats stad",
    hi="shahar nagar"))
kind("region", "LOCATION", v.region_name, N(
    en="state region province county district state_name", de="bundesland region", fr="region departement",
    es="provincia comunidad estado", pt="estado uf distrito", it="provincia regione", nl="provincie",
    hi="rajya zila"))
kind("country", "COUNTRY", v.country, N(
    en="country country_name ctry nationality billing_country residence_country", de="land staat staatsangehoerigkeit",
    fr="pays nationalite", es="pais nacionalidad", pt="pais nacionalidade", it="paese nazione nazionalita",
    nl="land nationaliteit", hi="desh"))
kind("team", "COUNTRY", v.team, N(
    en="team squad national_team delegation team_name", de="mannschaft team nationalmannschaft", fr="equipe",
    es="equipo seleccion", pt="equipe selecao", it="squadra nazionale", nl="team ploeg"))
kind("country_code", "COUNTRY", v.country_code, N(
    en="country_code cntry_cd country_iso iso_country ctry_code", de="laendercode", fr="code_pays", es="codigo_pais",
    pt="codigo_pais", it="codice_paese", nl="landcode", hi="desh_code"))
kind("lat", "GEO_COORDINATES", v.latitude, N(
    en="lat latitude geo_lat gps_lat loc_lat last_lat", de="breitengrad breite", fr="latitude", es="latitud",
    pt="latitude", it="latitudine", nl="breedtegraad", hi="akshansh"), sql_type="REAL")
kind("lon", "GEO_COORDINATES", v.longitude, N(
    en="lon lng longitude geo_lng gps_long loc_lon last_lng", de="laengengrad laenge", fr="longitude",
    es="longitud", pt="longitude", it="longitudine", nl="lengtegraad", hi="deshantar"), sql_type="REAL")
kind("lat_lon", "GEO_COORDINATES", v.lat_lon, N(
    en="coordinates geo latlng location_coords gps lat_long", de="koordinaten", fr="coordonnees",
    es="coordenadas", pt="coordenadas", it="coordinate", nl="coordinaten"))

# --- COMPANY_NAME / USERNAME / CREDENTIAL -------------------------------------------------------
kind("company", "COMPANY_NAME", v.company, N(
    en="company company_name employer organisation org_name business_name cmpny organization employer_name",
    de="firma arbeitgeber unternehmen", fr="entreprise societe employeur raison_sociale",
    es="empresa compania razon_social", pt="empresa razao_social empregador",
    it="azienda ragione_sociale datore_lavoro",
    nl="bedrijf bedrijfsnaam werkgever", hi="kampani sanstha"))
kind("username", "USERNAME", v.username, N(
    en="username login user_name usr_nm handle screen_name login_id uname nickname user_login",
    de="benutzername anmeldename", fr="identifiant nom_utilisateur pseudo", es="usuario nombre_usuario",
    pt="usuario nome_usuario", it="nome_utente utente", nl="gebruikersnaam"))
kind("password_hash", "CREDENTIAL", v.password_hash, N(
    en="password_hash password pwd passwd pass_hash pw_hash hashed_password encrypted_password pwd_digest",
    de="passwort kennwort passwort_hash", fr="mot_de_passe mdp", es="contrasena clave", pt="senha senha_hash",
    it="password parola_chiave", nl="wachtwoord"))
kind("api_secret", "CREDENTIAL", v.api_secret, N(
    en="api_key secret access_token refresh_token api_secret auth_token client_secret token secret_key"))

# --- DATE_OF_BIRTH / AGE ------------------------------------------------------------------------
_DOB = N(en="dob date_of_birth birth_date bday birthday birthdate d_o_b born_on dt_of_birth cust_dob",
         de="geburtsdatum geb_datum geburtstag", fr="date_naissance date_de_naissance naissance",
         es="fecha_nacimiento fecha_de_nacimiento f_nacimiento", pt="data_nascimento dt_nascimento data_de_nascimento",
         it="data_nascita data_di_nascita", nl="geboortedatum geb_datum", hi="janm_tithi janam_tithi janmdin")
kind("dob_text", "DATE_OF_BIRTH", v.dob_text, _DOB)
kind("dob_date", "DATE_OF_BIRTH", v.dob_date, _DOB, sql_type="DATE")
kind("age", "AGE", v.age, N(
    en="age age_years cust_age age_yrs current_age years_old", de="alter", fr="age", es="edad", pt="idade",
    it="eta", nl="leeftijd", hi="umar aayu umra"), sql_type="INTEGER")

# --- GOVERNMENT_ID ------------------------------------------------------------------------------
kind("national_id", "GOVERNMENT_ID", v.national_id, N(
    en="national_id ssn tax_id govt_id national_id_no id_number social_security_no identity_number "
       "id_card_no tax_number",
    de="steuer_id steueridentifikationsnummer sozialversicherungsnummer ausweisnummer svnr",
    fr="numero_securite_sociale nir num_secu numero_fiscal", es="dni nif numero_documento documento_identidad curp",
    pt="cpf nif numero_contribuinte documento", it="codice_fiscale cod_fiscale cf", nl="bsn burgerservicenummer",
    hi="aadhaar aadhar_sankhya pehchan_sankhya"))
kind("aadhaar", "GOVERNMENT_ID", v.aadhaar, N(
    en="aadhaar_no aadhaar aadhar_number uid_no aadhaar_number uidai_no", hi="aadhaar aadhar_sankhya"))
kind("pan", "GOVERNMENT_ID", v.pan_card, N(en="pan pan_no pan_number pan_card", hi="pan_sankhya"))
kind("passport", "GOVERNMENT_ID", v.passport, N(
    en="passport_no passport_number passport ppt_no travel_doc_no", de="reisepassnummer passnummer",
    fr="numero_passeport passeport", es="pasaporte numero_pasaporte", pt="passaporte numero_passaporte",
    it="passaporto numero_passaporto", nl="paspoortnummer paspoort", hi="passport_no"))

# --- cards --------------------------------------------------------------------------------------
kind("card_number", "CREDIT_CARD", v.card_number, N(
    en="card_number cc_number card_no ccnum credit_card card_num cc_no payment_card cardnumber",
    de="kartennummer kreditkartennummer kreditkarte", fr="numero_carte carte_bancaire num_cb",
    es="numero_tarjeta tarjeta num_tarjeta", pt="numero_cartao cartao cartao_credito",
    it="numero_carta carta_credito", nl="kaartnummer creditcard creditcardnummer"), evident=True)
kind("card_last4", "CARD_LAST_FOUR", v.card_last4, N(
    en="card_last4 last4 last_four cc_last4 card_last_four pan_last4 last_4_digits card_suffix",
    de="letzte_vier karte_endziffern", fr="derniers_chiffres", es="ultimos_4 ultimos_digitos",
    pt="ultimos_digitos final_cartao", it="ultime_4_cifre ultime_cifre", nl="laatste_4 laatste_cijfers"))
kind("masked_card", "CARD_LAST_FOUR", v.masked_card, N(
    en="masked_card masked_pan card_masked card_display cc_masked", de="maskierte_karte", fr="carte_masquee",
    es="tarjeta_enmascarada", pt="cartao_mascarado", it="carta_mascherata", nl="gemaskeerde_kaart"), evident=True)
kind("card_expiry", "CARD_EXPIRY", v.card_expiry, N(
    en="card_expiry exp_date expiry cc_exp expiration_date exp_mm_yy valid_thru card_exp expiry_mmyy",
    de="ablaufdatum gueltig_bis verfallsdatum", fr="date_expiration expiration date_validite",
    es="fecha_caducidad vencimiento caducidad", pt="validade data_validade vencimento_cartao",
    it="scadenza data_scadenza", nl="vervaldatum geldig_tot"))

# --- web and devices ----------------------------------------------------------------------------
kind("ip", "IP_ADDRESS", v.ip_any, N(
    en="ip ip_address client_ip remote_addr ip_addr source_ip signup_ip last_login_ip x_forwarded_for ipaddress "
       "origin_ip", de="ip_adresse", fr="adresse_ip", es="direccion_ip", pt="endereco_ip", it="indirizzo_ip",
    nl="ip_adres"), evident=True)
kind("user_agent", "USER_AGENT", v.user_agent, N(
    en="user_agent ua http_user_agent browser useragent client_ua agent browser_string", fr="navigateur",
    es="navegador", pt="navegador"), evident=True)
kind("landing_url", "URL", v.url, N(
    en="landing_page url page_url landing_url entry_url link source_url last_page", de="zielseite einstiegsseite",
    fr="page_arrivee url_page", es="pagina_entrada url_pagina", pt="pagina_entrada url_pagina",
    it="pagina_ingresso url_pagina", nl="landingspagina"), evident=True)
kind("referrer", "URL", v.referrer, N(
    en="referrer referer http_referer ref_url referrer_url ref", de="verweis_url herkunft_url",
    fr="url_referent url_reference", es="url_referencia url_origen", pt="url_origem url_referencia",
    it="url_provenienza", nl="verwijzer verwijzende_url"), evident=True)
kind("time_zone", "TIME_ZONE", v.time_zone, N(
    en="timezone tz time_zone user_tz tz_name tzid", de="zeitzone", fr="fuseau_horaire",
    es="zona_horaria huso_horario", pt="fuso_horario", it="fuso_orario", nl="tijdzone", hi="samay_kshetra"),
    evident=True)
kind("language", "LANGUAGE", v.language, N(
    en="language lang locale preferred_language ui_lang pref_lang lang_code accept_language language_pref",
    de="sprache bevorzugte_sprache", fr="langue langue_preferee", es="idioma idioma_preferido",
    pt="idioma lingua", it="lingua lingua_preferita", nl="taal voorkeurstaal", hi="bhasha"), evident=True)
kind("language_name", "LANGUAGE", v.language_name, N(
    en="spoken_language mother_tongue language_name native_language", de="muttersprache", fr="langue_maternelle",
    es="lengua_materna", pt="lingua_materna", it="madrelingua", nl="moedertaal", hi="matribhasha"))
kind("os", "DEVICE_INFO", v.os_name, N(
    en="os os_version platform operating_system device_os os_name client_os", de="betriebssystem",
    fr="systeme_exploitation", es="sistema_operativo", pt="sistema_operacional", it="sistema_operativo",
    nl="besturingssysteem"))
kind("device_model", "DEVICE_INFO", v.device_model, N(
    en="device_model model handset device phone_model hw_model device_name", de="geraet geraetemodell modell",
    fr="appareil modele_appareil", es="dispositivo modelo", pt="dispositivo modelo_aparelho",
    it="dispositivo modello", nl="apparaat toestel"))
kind("manufacturer", "DEVICE_INFO", v.manufacturer, N(
    en="manufacturer device_brand device_make oem device_vendor", de="hersteller", fr="fabricant", es="fabricante",
    pt="fabricante", it="produttore", nl="fabrikant"))
kind("device_info", "DEVICE_INFO", v.device_info, N(en="device_info device_details hardware device_desc"))
kind("device_uuid", "DEVICE_ID", v.device_id, N(
    en="device_id advertising_id gaid idfa android_id adid install_id device_uuid hardware_id udid ad_id",
    de="geraete_id geraetekennung", fr="id_appareil identifiant_appareil", es="id_dispositivo",
    pt="id_dispositivo id_aparelho", it="id_dispositivo", nl="apparaat_id"))
kind("imei", "DEVICE_ID", v.imei, N(en="imei imei_no imei1 device_imei"), evident=True)
kind("mac", "MAC_ADDRESS", v.mac, N(
    en="mac mac_address mac_addr wifi_mac bssid hw_addr macaddress eth_mac", de="mac_adresse", fr="adresse_mac",
    es="direccion_mac", pt="endereco_mac", it="indirizzo_mac", nl="mac_adres"), evident=True)
kind("carrier", "MOBILE_NETWORK", v.carrier, N(
    en="carrier network_operator mobile_network operator carrier_name mno telco sim_operator",
    de="mobilfunkanbieter netzbetreiber", fr="operateur operateur_mobile", es="operador operadora",
    pt="operadora", it="operatore gestore", nl="provider netwerkaanbieder", hi="network"))
kind("mcc_mnc", "MOBILE_NETWORK", v.mcc_mnc, N(en="mcc_mnc plmn network_code mccmnc"))
kind("session_id", "COOKIE_ID", v.session_id, N(
    en="session_id sid sess_id session_key session phpsessid jsessionid cookie_id visitor_cookie",
    de="sitzungs_id sitzung", fr="id_session", es="id_sesion", pt="id_sessao", it="id_sessione", nl="sessie_id"))
kind("ga_cookie", "COOKIE_ID", v.ga_cookie, N(en="_ga ga_client_id ga_cookie _fbp tracking_cookie ga_cid"),
     evident=True)

# --- the access log's own fields (named by nginx, not by us) ----------------------------------------
kind("access_user", "USERNAME", v.username, N(en="remote_user"), null_rate=0.85)
kind("access_referrer", "URL", v.referrer, N(en="http_referer"), null_rate=0.3)
