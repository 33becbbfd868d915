// Generated from docs/openapi.json by `npm run api`; do not edit.
export interface paths {
    "/{proxy+}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /**
         * CORS preflight
         * @description Lets the browser ask; the real response decides: storefront answers name the caller’s origin only when the shop allows it.
         *
         *     No key: A CORS preflight carries no credentials by definition; it returns no data, and the real response enforces the tenant's allowed origins.
         */
        options: operations["corsPreflight"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/demand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unmet demand per day and subject
         * @description Per day and subject (SKU, product or search text), with totals over the range, largest first. At most 92 days per request.
         */
        get: operations["demandReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List feeds, newest first */
        get: operations["listFeeds"];
        put?: never;
        /**
         * Start an inventory feed: get an upload URL
         * @description Registers the feed with its options and answers a presigned PUT for exactly one object under the tenant’s prefix; uploading it starts ingestion. The options live in the feed, not in the upload: the uploader chooses nothing but the bytes.
         */
        post: operations["createFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A feed: status, counts and, once processed, the report summary */
        get: operations["getFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/feeds/{feedId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A feed’s full report
         * @description Every rejected row with its line, field and reason (at most 10,000; counts are always exact). 404 until the feed is processed.
         */
        get: operations["getFeedReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/forecasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest forecast of every SKU, and the last run
         * @description By SKU, paginated. `lastRun` is the tenant’s most recent run (scheduled or manual), `null` before the first.
         */
        get: operations["listForecasts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/forecasts/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One SKU’s forecast (latest, or of a past run)
         * @description The daily forecast with its dates, the model chosen and a summary of its inputs; `runDates` lists the runs kept for the SKU (newest first, up to 30).
         */
        get: operations["getForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/forecasts/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the tenant’s forecast now
         * @description Starts the nightly run’s per-tenant part for the caller’s tenant only; results land in GET /admin/forecasts as partitions finish. At most one start per five minutes (429 with Retry-After otherwise). Any body is ignored.
         */
        post: operations["runForecast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List keys (never their secrets) */
        get: operations["listKeys"];
        put?: never;
        /** Issue an admin or publishable key */
        post: operations["issueKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key (not the last admin key) */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys/{keyId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a key, optionally keeping the old one working for a grace period */
        post: operations["rotateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List locations */
        get: operations["listLocations"];
        put?: never;
        /** Create a warehouse or store */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/locations/{locationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A location */
        get: operations["getLocation"];
        /**
         * Replace a location
         * @description Fields left out go back to their defaults. The location must exist (create it with POST).
         */
        put: operations["putLocation"];
        post?: never;
        /**
         * Delete a location
         * @description Stock counted there stays on the variants (move or zero it); open purchase orders delivering there keep their location id.
         */
        delete: operations["deleteLocation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sends that need a look (pending or failed), or every message to one person
         * @description `status=pending` awaits the provider’s confirmation; `failed` has a reason (a refused address, or `unconfirmed`: never resent automatically). `recipientId=` lists every message to one person instead.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/messaging/domain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s sending domain and its verification */
        get: operations["getSendingDomain"];
        put?: never;
        /**
         * Start verifying the tenant’s own sending domain (Easy DKIM)
         * @description Until SES reports it verified, messages go out from the platform’s address with the tenant’s name and Reply-To. A domain belongs to the first tenant that claims it.
         */
        post: operations["verifySendingDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/messaging/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sending policy: quiet hours, cooldown, frequency cap, click tracking, reply-to */
        get: operations["getMessagingSettings"];
        /** Replace the sending policy (fields left out go back to their defaults) */
        put: operations["putMessagingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Checkout integration: an order placed, cancelled or returned
         * @description Idempotent by order id (and return id): a redelivery changes nothing and answers 200 with `duplicate: true`. A placed order takes its units from stock and records the day’s sales; a cancel restores them; a return restocks (unless `restock: false`).
         */
        post: operations["orderWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description In product id order, a page at a time; a cursor from another listing or tenant is refused (400).
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product with its variants
         * @description New variants start out of stock with no units. A SKU belongs to one product of the tenant: a product id or SKU already used is a 409. At most 98 variants at creation (add more one by one, up to 250).
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product with its variants and their stock */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /**
         * Archive a product
         * @description The product keeps its history and SKUs; the storefront stops showing it. `PATCH` with `status: active` brings it back.
         */
        delete: operations["archiveProduct"];
        options?: never;
        head?: never;
        /**
         * Change descriptive fields and settings (never stock)
         * @description A partial update: fields not named are kept, `null` clears an optional field. `settings` merge key by key (`null` goes back to the tenant default); a settings change that changes availability (thresholds, preorder, backorder, safety stock) reconciles every variant and publishes the transitions. Stock fields are refused: change stock with adjustments, orders, purchase orders or feeds.
         */
        patch: operations["patchProduct"];
        trace?: never;
    };
    "/admin/products/{productId}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant
         * @description A SKU already used by any product of the tenant is a 409. A variant of a product taking preorders is a preorder at once (a transition).
         */
        post: operations["addVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{productId}/variants/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a variant (its SKU is free again)
         * @description Refused (409) while open purchase orders bring the SKU: receive or cancel them first.
         */
        delete: operations["removeVariant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List purchase orders
         * @description By status, then expected date.
         */
        get: operations["listPurchaseOrders"];
        put?: never;
        /**
         * Create an open purchase order
         * @description Sets each SKU’s restock ETA (the earliest open order) and incoming units, and announces ETA changes. Unknown SKUs, suppliers and locations are refused (422) with their fields.
         */
        post: operations["createPurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders/{poId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A purchase order */
        get: operations["getPurchaseOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move, reassign or cancel an open purchase order
         * @description Only open orders change (409 otherwise). `supplierId: null` removes the supplier; `status` accepts only `cancelled` (receive with `POST …/receive`).
         */
        patch: operations["patchPurchaseOrder"];
        trace?: never;
    };
    "/admin/purchase-orders/{poId}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a purchase order (exactly once)
         * @description Adds the received units to stock, closes the order and folds the delivery into the supplier’s statistics, all at once; a second receive answers 409 and changes nothing. Without `lines` everything arrived as ordered; lines not listed arrived with 0 units. `receivedDate` defaults to today.
         */
        post: operations["receivePurchaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/release-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Release defaults of the tenant */
        get: operations["getReleaseSettings"];
        /**
         * Set the release defaults
         * @description A field left out keeps its value; `defaults`, when given, replaces the stored defaults as a whole.
         */
        put: operations["putReleaseSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List releases, newest first */
        get: operations["listReleases"];
        put?: never;
        /**
         * Start a release of a variant
         * @description Runs the pre-launch check (422 with every failed item in `fields` when it fails), claims the variant (409 while another release of it runs) and starts the release workflow.
         */
        post: operations["startRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases/{releaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A release’s progress */
        get: operations["getRelease"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases/{releaseId}/campaign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaign copy for the release (e-mail, SMS, social) */
        get: operations["getReleaseCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases/{releaseId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a release */
        post: operations["cancelRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases/{releaseId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a release
         * @description No new wave or page is sent until it is resumed; holds keep running.
         */
        post: operations["pauseRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases/{releaseId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a release (or restart its workflow)
         * @description Resumes a paused release; when its workflow is not running (it crashed or was stopped) a new execution carries on from where the last one stopped, sending nobody twice.
         */
        post: operations["resumeRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/releases/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a release (no writes)
         * @description The pre-launch check, the expected waves and their timing, and a simulation of sell-through and disappointed shoppers, for the same body POST /admin/releases takes.
         */
        post: operations["planRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reorder-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SKUs with an order to place, most urgent first */
        get: operations["listReorderSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tenant settings and allowed storefront origins */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some settings (a partial update; null removes a value)
         * @description Merges into the current settings: sections and keys the patch does not name are kept. `allowedOrigins`, when given, replaces the list.
         */
        patch: operations["patchSettings"];
        trace?: never;
    };
    "/admin/shopper-tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List shoppers’ tiers
         * @description Shoppers are listed by pseudonym (`ref`), never by e-mail or id.
         */
        get: operations["listShopperTiers"];
        /**
         * Set shoppers’ tiers (early access order)
         * @description Stored under the pseudonyms orders and waitlist entries map to; `tier: null` removes a shopper’s tier. At most 100 shoppers per call.
         */
        put: operations["setShopperTiers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/shoppers/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a shopper everywhere (GDPR erasure)
         * @description Waitlist entries and their claims, the points ledger, rate-limit marks and the messaging records of the person, with a count of what went. Suppressions by address hash stay: they hold no address and keep an erased person from being contacted again.
         */
        post: operations["eraseShopper"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/shoppers/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Everything held about a shopper (GDPR access and portability)
         * @description Found by e-mail, phone and/or the shop’s shopper id: waitlist entries with their consent, the points ledger and balance, and every message sent. Only this shop’s data is reachable.
         */
        post: operations["exportShopper"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/stock/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or change stock (from an ERP or POS)
         * @description `set` is absolute, `delta` relative; an unchanged `set` costs no write. With an idempotency key (`idempotencyKey` in the body, or an `Idempotency-Key` header) the same request twice applies once and answers the first answer with `replayed: true` (only `replayed` while the first is still running). Unknown SKUs are skipped; all of them unknown is a 422.
         */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/stock/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply feed rows over HTTP (small absolute updates)
         * @description Up to 1000 rows (objects with `sku`, a quantity as `quantity`, `qty` or `on_hand`, and optionally `location`) through the same validate → diff → apply code as feeds: unchanged rows cost nothing, each bad row is reported with its index. `dryRun` reports what would change and changes nothing.
         */
        post: operations["postStockRows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/storefront/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Storefront settings */
        get: operations["getStorefrontConfig"];
        /**
         * Replace the storefront settings
         * @description Rate limit per client, the "selling fast" rule, consent text per language, the widget’s texts and languages, privacy link. Replaces the whole configuration: omitted fields return to their defaults. Storefront functions pick the change up within a minute (they cache it per container).
         */
        put: operations["putStorefrontConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List suppliers */
        get: operations["listSuppliers"];
        put?: never;
        /** Create a supplier */
        post: operations["createSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/suppliers/{supplierId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A supplier with its measured statistics */
        get: operations["getSupplier"];
        /**
         * Replace what the merchant configures of a supplier
         * @description Fields left out go back to their defaults; the measured statistics (received orders, lead-time spread, on-time rate) are kept.
         */
        put: operations["putSupplier"];
        post?: never;
        /** Delete a supplier */
        delete: operations["deleteSupplier"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Templates and locales, built-in or the tenant’s own */
        get: operations["listTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/templates/{name}/{locale}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template: the text in force, the built-in one, the data it needs and a preview */
        get: operations["getTemplate"];
        /** Replace the tenant’s text for a template and locale (with optional A/B variants) */
        put: operations["putTemplate"];
        post?: never;
        /** Back to the built-in text */
        delete: operations["deleteTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling merchant’s tenant */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/waitlists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who waits, per list and channel: the demand signal
         * @description A page of the shop’s lists (variant or whole product) with their waiting counts by channel. With `productId`: every list of that product and the product’s total, in one answer.
         */
        get: operations["listWaitlists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/waitlists/{sku}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who waits for a variant, in line order */
        get: operations["listVariantWaitlistEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/waitlists/products/{productId}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who waits for any variant of a product, in line order */
        get: operations["listProductWaitlistEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/waitlists/products/{productId}/perks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product’s waitlist perks */
        get: operations["getWaitlistPerks"];
        /**
         * Set a product’s waitlist perks
         * @description Replaces them: a discount code valid `validHours` after the back-in-stock message, loyalty points credited to everyone waiting when the product returns, and exclusive content (per language) in the messages and on the preference page of people waiting.
         */
        put: operations["putWaitlistPerks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/waitlists/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Waitlist settings: double opt-in, limits, expiry, drip cadence, consent texts */
        get: operations["getWaitlistSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some waitlist settings (the rest stay)
         * @description Fields the patch does not name are kept; `null` removes an optional one; `rateLimit` merges field by field. The result is validated whole.
         */
        patch: operations["patchWaitlistSettings"];
        trace?: never;
    };
    "/operator/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Onboard a merchant
         * @description Creates the tenant with its first admin key and announces `TenantCreated` (the onboarding e-mails follow).
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/p/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open a shopper’s link: the preference page, or a one-click action
         * @description A preference link shows every alert of the person in this shop (place in line, channels) with forms to change them. A confirmation link (double opt-in) puts the entry in line, once however often it is opened; a “still interested?” link keeps the place. Pages are never cached.
         *
         *     No key: The path carries an HMAC-signed, expiring token naming the shop and the person’s contact hashes (or one entry); a tampered one opens nothing.
         */
        get: operations["openWaitlistLink"];
        put?: never;
        /**
         * Cancel an alert, cancel all, or set channels (the preference page’s forms)
         * @description Preference links only (405 for the others). The page posts its forms (`application/x-www-form-urlencoded`) and gets the page back with a notice. Scripted callers may post the same actions as JSON (`{"action":"channels","email":true,"sms":false}`) and get JSON back. A channel is only turned on where the alert has the contact for it; at least one channel must stay on (else cancel).
         *
         *     No key: The path carries an HMAC-signed, expiring preference token; it reaches only the alerts of the contacts it names, in its own shop.
         */
        post: operations["updateWaitlistPreferences"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Availability of up to 100 products at once
         * @description One read for all of them. Badges (`sold_out`, `low_stock`, `selling_fast` from real recent sales, `preorder`, `backorder`), out of stock last, and facet counts that leave out what cannot be bought now.
         */
        get: operations["listingAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold one unit for the shopper
         * @description Takes the `claimToken` of GET /storefront/early-access; the unit is held for the release’s `holdMinutes`. One hold per shopper and release: 409 when none is left, the link was used, or the release is not taking claims.
         */
        post: operations["claimUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/claims/{claimId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A hold */
        get: operations["getClaim"];
        put?: never;
        post?: never;
        /** Give a held unit back */
        delete: operations["cancelClaim"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The widget’s texts, consent text and endpoints in one language */
        get: operations["widgetConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/early-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * May the holder of this private link buy now?
         * @description The token comes from the link in a wave message. When the shopper may claim a unit, the answer carries a short-lived `claimToken`; a refused link (forged, altered, expired, another shop’s) answers 403 with the reason in `fields`.
         */
        get: operations["checkEarlyAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product and every variant’s availability
         * @description States on sellable stock: "only N left" only at or under the display threshold and only when true; the restock date from purchase orders or the preorder, or an honest unknown; the size × colour matrix. When nothing can be bought now, `outOfStock` says why, when, offers the waitlist and alternatives available now.
         */
        get: operations["productAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/products/{productId}/alternatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Similar and complementary products available now
         * @description Similar products (category, attributes, price band) and the merchant’s complements, only those available now, ranked with the reasons for each. With `shopperId` the shopper’s recent categories rank higher and the answer is personal (`Cache-Control: private, max-age=60`).
         */
        get: operations["productAlternatives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/products/{productId}/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Availability per store
         * @description Each store’s details and what it holds (a count only at or under the display threshold), beside online availability.
         */
        get: operations["storeAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record demand the shop could not serve
         * @description An out-of-stock view, a search with no or only sold-out results, an add-to-cart on an unavailable item: one counter per shop, subject (SKU, else product, else search text) and day; nothing about the shopper is kept, and search text is scrubbed of anything like contact details. `product_view` with a `shopperId` only records the category for personalised alternatives.
         */
        post: operations["recordDemandSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storefront/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join a product’s or a variant’s waitlist
         * @description One entry per person and list (the same e-mail or phone): a repeat answers exactly as the first time (same entry, live position), sends nothing and is not rate limited. New entries are limited per client and per address (429 with Retry-After; the shop’s `rateLimit` settings), and to the shop’s places per list when it caps them (409). With double opt-in the entry is `pending_confirmation` (no position) until the link sent to the shopper is opened. Contact details are refused with the field and a reason (400), disposable addresses too.
         */
        post: operations["joinWaitlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/t/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a tracked link
         * @description Records the click on the message’s send record, then redirects to the destination the signed token carries.
         *
         *     No key: The path carries an HMAC-signed token naming the destination; only URLs Restock put in a message are followed.
         */
        get: operations["followTrackedLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unsubscribe (the footer link)
         * @description Unsubscribes at once and shows a confirmation page with an “I clicked by mistake” button (link scanners sometimes follow GET links).
         *
         *     No key: The path carries an HMAC-signed unsubscribe token; a tampered one changes nothing.
         */
        get: operations["unsubscribeFromLink"];
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058), or undo it
         * @description `List-Unsubscribe=One-Click` (sent by mail clients) unsubscribes; `action=resubscribe` (the confirmation page’s button) lifts only this opt-out.
         *
         *     No key: The path carries an HMAC-signed unsubscribe token; RFC 8058 one-click posts carry no credentials by design.
         */
        post: operations["unsubscribeOneClick"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AlternativeItem: {
            category?: string;
            currency: string;
            imageUrl?: string;
            label: string;
            price?: number;
            productId: string;
            reasons: ("same_category" | "your_interests" | "similar_attributes" | "same_brand" | "similar_price" | "same_variant_available" | "complementary")[];
            score: number;
            /** @enum {string} */
            state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
            title: string;
            /** @description Shown only when the true sellable count is at or under the display threshold. */
            unitsLeft?: number;
            url?: string;
        };
        ApiKey: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description A rotated key keeps working until then (its grace period).
             */
            expiresAt?: string;
            keyId: string;
            /** @enum {string} */
            kind: "admin" | "publishable";
            label: string;
            /** Format: date-time */
            revokedAt?: string;
        };
        AvailabilitySummary: {
            available: boolean;
            eta?: components["schemas"]["StorefrontEta"];
            label: string;
            orderable: boolean;
            /** @enum {string} */
            state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
            /** @description Shown only when the true sellable count is at or under the display threshold. */
            unitsLeft?: number;
        };
        DemandRow: {
            counts: {
                [key: string]: number;
            };
            /** Format: date */
            day: string;
            /** @enum {string} */
            kind: "sku" | "product" | "query";
            productId?: string;
            /** @description The search text, normalized and scrubbed of contact details. */
            query?: string;
            sku?: string;
            total: number;
        };
        DemandTotal: {
            counts: {
                [key: string]: number;
            };
            /** @enum {string} */
            kind: "sku" | "product" | "query";
            productId?: string;
            /** @description The search text, normalized and scrubbed of contact details. */
            query?: string;
            sku?: string;
            total: number;
        };
        EarlyAccess: {
            /** @description Present when the shopper may claim a hold now: the token for POST /storefront/claims. */
            claimToken?: string;
            discount?: {
                code: string;
                percent: number;
                /** Format: date-time */
                validUntil: string;
            };
            hold?: {
                claimId: string;
                /** Format: date-time */
                holdUntil: string;
                /** @enum {string} */
                status: "held" | "converted" | "lapsed" | "released";
            };
            holdMinutes: number;
            keepsPlace: boolean;
            mayBuyNow: boolean;
            productId: string;
            /** Format: date-time */
            publicOpensAt?: string;
            /** @enum {string} */
            reason: "early_access" | "holding" | "open_to_everyone" | "all_units_held" | "sold_out" | "already_bought" | "paused" | "not_started" | "release_ended" | "release_cancelled";
            releaseId: string;
            sku: string;
            /** @enum {string} */
            state: "scheduled" | "building" | "waves" | "public" | "completed" | "cancelled";
            unitsFree: number;
        };
        ErasureReport: {
            /** @description Local runtime only: messages removed from the mail and SMS emulators. */
            localStores?: {
                email: number;
                sms: number;
            };
            messageRecords: number;
            pointsRows: number;
            waitlistEntries: number;
        };
        /** @description An error answer: a stable code, a human message, the fields at fault and the request id to quote to support. */
        Error: {
            error: {
                /** @description Stable, machine-readable: bad_request, unauthorized, forbidden, not_found, conflict, unprocessable, too_many_requests, internal, … */
                code: string;
                /** @description Every invalid field with its reason (400, 422). */
                fields?: components["schemas"]["FieldProblem"][];
                message: string;
                requestId: string;
            };
        };
        EtaChange: {
            /** @description Earliest expected date of the open purchase orders bringing the SKU; null when none. */
            eta: string | null;
            eventId: string;
            /** @description Units of the SKU on open purchase orders. */
            incoming: number;
            previousEta: string | null;
            productId: string;
            sku: string;
        };
        Feed: {
            /** @default 0 */
            attempts: number;
            compressed?: boolean;
            counts?: {
                applied: number;
                rejected: number;
                rowsRead: number;
                unchanged: number;
                zeroed: number;
            };
            /** Format: date-time */
            createdAt: string;
            error?: {
                code: string;
                message: string;
            };
            events?: number;
            feedId: string;
            filename: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @enum {string} */
            format?: "csv" | "json" | "ndjson";
            /** @enum {string} */
            mode?: "full" | "delta";
            objectKey: string;
            objectSize?: number;
            options: {
                /** @default false */
                dryRun: boolean;
                /** @enum {string} */
                format?: "csv" | "json" | "ndjson";
                /** @default false */
                full: boolean;
                /** @default main */
                location: string;
            };
            /** @enum {string} */
            path?: "single" | "split";
            reportKey: string;
            /** Format: date-time */
            startedAt?: string;
            /** @enum {string} */
            status: "pending" | "processing" | "done" | "failed";
            tenantId: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            uploadExpiresAt: string;
        };
        FeedRejection: {
            /** @enum {string} */
            code: "missing_value" | "malformed_number" | "negative_quantity" | "non_integer_quantity" | "invalid_value" | "ambiguous_field" | "line_too_long" | "invalid_utf8" | "duplicate_key" | "wrong_column_count" | "unterminated_quote" | "malformed_json" | "not_an_object" | "unknown_sku" | "invalid_location" | "unknown_location";
            /** @enum {string} */
            field: "sku" | "quantity" | "location" | "row";
            /** @description duplicate_key: the line where the SKU × location first appeared. */
            firstLine?: number;
            line: number;
            location?: string;
            /** @description The start of the record, for rows that could not be read field by field. */
            raw?: string;
            reason: string;
            sku?: string;
        };
        FeedReport: {
            compressed: boolean;
            counts: {
                applied: number;
                rejected: number;
                rowsRead: number;
                unchanged: number;
                zeroed: number;
            };
            dryRun: boolean;
            durationMs: number;
            events: number;
            feedId: string;
            /** @description The file could not be read to its end (or at all): what and where. */
            fileError?: {
                code: string;
                line?: number;
                message: string;
            };
            filename: string;
            /** Format: date-time */
            finishedAt: string;
            /** @enum {string} */
            format?: "csv" | "json" | "ndjson";
            /** @enum {string} */
            mode: "full" | "delta";
            objectKey: string;
            /** @enum {string} */
            path: "single" | "split" | "http";
            ranges?: number;
            rejectedByCode: {
                [key: string]: number;
            };
            /** @description Each rejected row, in file order (at most 10,000; counts are always exact). */
            rejections: components["schemas"]["FeedRejection"][];
            rejectionsTruncated: boolean;
            /** @constant */
            reportVersion: 1;
            snapshot?: {
                skipped?: string;
                zeroed: number;
            };
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "done" | "failed";
            tenantId: string;
            transitions: number;
        };
        FeedReportSummary: {
            compressed: boolean;
            counts: {
                applied: number;
                rejected: number;
                rowsRead: number;
                unchanged: number;
                zeroed: number;
            };
            dryRun: boolean;
            durationMs: number;
            events: number;
            feedId: string;
            /** @description The file could not be read to its end (or at all): what and where. */
            fileError?: {
                code: string;
                line?: number;
                message: string;
            };
            filename: string;
            /** Format: date-time */
            finishedAt: string;
            /** @description The first 20 rejected rows. */
            firstRejections: components["schemas"]["FeedRejection"][];
            /** @enum {string} */
            format?: "csv" | "json" | "ndjson";
            /** @enum {string} */
            mode: "full" | "delta";
            objectKey: string;
            /** @enum {string} */
            path: "single" | "split" | "http";
            ranges?: number;
            rejectedByCode: {
                [key: string]: number;
            };
            rejectionsTruncated: boolean;
            /** @constant */
            reportVersion: 1;
            snapshot?: {
                skipped?: string;
                zeroed: number;
            };
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "done" | "failed";
            tenantId: string;
            transitions: number;
        };
        FieldProblem: {
            field: string;
            reason: string;
        };
        Forecast: {
            /** Format: date */
            asOf: string;
            backtestOrigins: number;
            category: string | null;
            components: string[];
            /** @description The `forecast` array with its dates (from the day after `asOf`). */
            daily: {
                /** Format: date */
                date: string;
                units: number;
            }[];
            daysOfCover: number | null;
            daysUntilStockout: number | null;
            demandClass: string;
            demandDistribution: string;
            forecast: number[];
            forecastTotal: number;
            /** Format: date-time */
            generatedAt: string;
            inputs: {
                backlog: number;
                casePack: number;
                categoryPrior: number | null;
                censoredDays: number;
                demandSignals: {
                    cartAttempts: number;
                    days: number;
                    oosViews: number;
                    searches: number;
                } | null;
                historyDays: number;
                /** Format: date */
                historyFrom: string;
                incoming: {
                    /** Format: date */
                    arrivalDate: string;
                    quantity: number;
                }[];
                leadTimeDays: number;
                leadTimeSdDays: number;
                minOrderQty: number;
                observedDays: number;
                onHand: number;
                reviewPeriodDays: number;
                serviceLevel: number;
                supplierId: string | null;
                supplierSource: string;
                unitsSold: number;
                waitlist: {
                    conversionRate: number;
                    source: string;
                    waiting: number;
                } | null;
            };
            inventoryPosition: number;
            meanDailyDemand: number;
            model: string;
            productId: string;
            productTitle: string;
            protectionDays: number;
            reorderPoint: number;
            reorderSince: string | null;
            /** Format: date */
            runDate: string;
            safetyStock: number;
            sku: string;
            stockoutDate: string | null;
            stockoutSince: string | null;
            suggestedOrderQty: number;
            waitlistDemand: number;
        };
        ForecastRun: {
            /** Format: date-time */
            finishedAt?: string;
            partitionCount: number;
            plannedSkus: number;
            /** Format: date */
            runDate: string;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            totals?: {
                digestEntries: number;
                failed: number;
                forecasts: number;
                predictedStockouts: number;
                reorderSuggested: number;
                skus: number;
            };
            /** @enum {string} */
            trigger: "schedule" | "manual";
        };
        ForecastSummary: {
            /** Format: date */
            asOf: string;
            backtestOrigins: number;
            category: string | null;
            components: string[];
            daysOfCover: number | null;
            daysUntilStockout: number | null;
            demandClass: string;
            demandDistribution: string;
            forecastTotal: number;
            /** Format: date-time */
            generatedAt: string;
            inventoryPosition: number;
            leadTimeDays: number;
            meanDailyDemand: number;
            model: string;
            onHand: number;
            productId: string;
            productTitle: string;
            protectionDays: number;
            reorderPoint: number;
            reorderSince: string | null;
            /** Format: date */
            runDate: string;
            safetyStock: number;
            sku: string;
            stockoutDate: string | null;
            stockoutSince: string | null;
            suggestedOrderQty: number;
            supplierId: string | null;
            waitlistDemand: number;
        };
        /** @description API Gateway's own answer (missing key: 401 "Unauthorized"; refused key: 403 "Forbidden"). */
        GatewayError: {
            message: string;
        };
        ListingItem: {
            available: boolean;
            badges: {
                /** @enum {string} */
                code: "sold_out" | "selling_fast" | "low_stock" | "preorder" | "backorder";
                label: string;
            }[];
            brand?: string;
            category?: string;
            currency: string;
            eta?: components["schemas"]["StorefrontEta"];
            imageUrl?: string;
            label: string;
            price?: number;
            productId: string;
            /** @enum {string} */
            state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
            title: string;
            /** @description Shown only when the true sellable count is at or under the display threshold. */
            unitsLeft?: number;
            url?: string;
            variants?: {
                attributes: {
                    [key: string]: string;
                };
                available: boolean;
                label: string;
                sku: string;
                /** @enum {string} */
                state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
                /** @description Shown only when the true sellable count is at or under the display threshold. */
                unitsLeft?: number;
            }[];
        };
        Location: {
            address?: string;
            city?: string;
            /** @default true */
            countsOnline: boolean;
            /** @enum {string} */
            kind: "warehouse" | "store";
            locationId: string;
            name: string;
            openingHours?: string;
            /** @default false */
            pickup: boolean;
            tenantId: string;
        };
        Product: {
            /** @default {} */
            attributes: {
                [key: string]: string;
            };
            brand?: string;
            category?: string;
            /** Format: date-time */
            createdAt: string;
            /** @default EUR */
            currency: string;
            description?: string;
            imageUrl?: string;
            price?: number;
            productId: string;
            /** @default [] */
            related: string[];
            /** @default {} */
            settings: {
                backorder?: {
                    cap?: number;
                    enabled: boolean;
                };
                displayThreshold?: number;
                lowStockThreshold?: number;
                outOfStockReason?: string;
                preorder?: {
                    cap?: number;
                    enabled: boolean;
                    /** Format: date */
                    etaDate?: string;
                    label?: string;
                };
                safetyStock?: number;
            };
            /**
             * @default active
             * @enum {string}
             */
            status: "active" | "archived";
            /** @default [] */
            tags: string[];
            tenantId: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            url?: string;
            /** @default {} */
            variants: {
                [key: string]: {
                    /** @default 0 */
                    allocated: number;
                    /** @default {} */
                    attributes: {
                        [key: string]: string;
                    };
                    /** Format: date */
                    eta?: string;
                    /** @default 0 */
                    incoming: number;
                    /** @default {} */
                    onHand: {
                        [key: string]: number;
                    };
                    price?: number;
                    /** @default {} */
                    recentSales: {
                        [key: string]: number;
                    };
                    /** @default 0 */
                    reserved: number;
                    sku: string;
                    /**
                     * @default out_of_stock
                     * @enum {string}
                     */
                    state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
                    /** Format: date-time */
                    stateSince?: string;
                    /** @default 0 */
                    transitionSeq: number;
                };
            };
        };
        ProductAvailability: {
            availability: components["schemas"]["AvailabilitySummary"];
            brand?: string;
            category?: string;
            currency: string;
            imageUrl?: string;
            locale: string;
            matrix: components["schemas"]["VariantMatrix"];
            /** @description When nothing can be bought now: why, when, the waitlist and what to buy instead. */
            outOfStock?: {
                /** @description Left out with `alternatives=0`. */
                alternatives?: {
                    complementary: components["schemas"]["AlternativeItem"][];
                    /** @description True when the shop’s catalog was larger than the candidate scan: the best matches among the products read. */
                    partialCatalog: boolean;
                    similar: components["schemas"]["AlternativeItem"][];
                };
                eta: components["schemas"]["StorefrontEta"];
                reason: {
                    /** @enum {string} */
                    code: "merchant" | "preorder" | "backorder" | "restock_expected" | "sold_out";
                    text: string;
                };
                waitlist: {
                    /** @constant */
                    available: true;
                    signupPath: string;
                };
            };
            price?: number;
            productId: string;
            title: string;
            url?: string;
            variants: components["schemas"]["VariantAvailability"][];
            /** @description When some variant can be waited for. */
            waitlist?: {
                /** @constant */
                available: true;
                signupPath: string;
            };
        };
        PurchaseOrder: {
            /** Format: date */
            expectedDate: string;
            lines: {
                /** @default main */
                locationId: string;
                quantity: number;
                sku: string;
            }[];
            /** Format: date-time */
            orderedAt: string;
            poId: string;
            /** Format: date-time */
            receivedAt?: string;
            receivedLines?: {
                quantity: number;
                sku: string;
            }[];
            /** @enum {string} */
            status: "open" | "received" | "cancelled";
            supplierId?: string;
            tenantId: string;
        };
        ReleaseClaim: {
            claimId: string;
            /** Format: date-time */
            holdUntil: string;
            productId: string;
            releaseId: string;
            sku: string;
            /** @enum {string} */
            status: "held" | "converted" | "lapsed" | "released";
        };
        ReleaseProgress: {
            audience: {
                built: boolean;
                late: number;
                notified: number;
                remaining: number;
                size: number;
                tiered: number;
            };
            check?: {
                items: {
                    detail: string;
                    id: string;
                    ok: boolean;
                }[];
                ok: boolean;
            };
            config: {
                /**
                 * @default [
                 *       "email",
                 *       "sms"
                 *     ]
                 */
                channels: ("email" | "sms")[];
                /** @default 5 */
                checkMinutes: number;
                /** @default 0.2 */
                clickThrough: number;
                flashDiscount?: {
                    code: string;
                    percent: number;
                };
                /** @default 15 */
                holdMinutes: number;
                /** @default 8 */
                horizonHours: number;
                /** @default 72 */
                linkTtlHours: number;
                /** @default 50000 */
                maxWave: number;
                /** @default 1 */
                minWave: number;
                /** @default 1.05 */
                oversubscription: number;
                /**
                 * @default {
                 *       "alpha": 1,
                 *       "beta": 9
                 *     }
                 */
                prior: {
                    alpha: number;
                    beta: number;
                };
                /** Format: uri */
                productUrl?: string;
                /** @default 24 */
                publicAfterHours: number;
                /**
                 * @default {
                 *       "fastShare": 0.3,
                 *       "fastMeanHours": 0.75,
                 *       "slowMeanHours": 18
                 *     }
                 */
                response: {
                    /** @default 0.75 */
                    fastMeanHours: number;
                    /** @default 0.3 */
                    fastShare: number;
                    /** @default 18 */
                    slowMeanHours: number;
                };
                shards?: number;
                /**
                 * @default [
                 *       "vip",
                 *       "loyalty"
                 *     ]
                 */
                tiers: string[];
                /** @default 45 */
                windowMinutes: number;
            };
            conversions: number;
            /** Format: date-time */
            createdAt: string;
            discount?: {
                code: string;
                percent: number;
                /** Format: date-time */
                validUntil: string;
            };
            /** @description Deferred wave or public messages dropped at the sell-out (those people get the closing notice instead). */
            droppedAtSellOut: number;
            /** Format: date-time */
            endedAt?: string;
            endReason?: string;
            execution: {
                count: number;
                name?: string;
                /** @description The workflow execution’s status (RUNNING, FAILED, ABORTED, MISSING, UNKNOWN, …); absent once the release is over. */
                status?: string;
            };
            /** @description The batch of messages being sent now, if any. */
            job: {
                delivered: number;
                /** @enum {string} */
                kind: "wave" | "keep_place" | "public";
                reached: number;
                remaining?: number;
                wave?: number;
            } | null;
            /** Format: date-time */
            nextWaveAt?: string;
            /** @description Finished non-wave sends: the public opening, the "keep your place" notices. */
            notices: {
                /** @description Delivery outcomes by status (sent, duplicate, suppressed, deferred, failed, …). */
                counts: {
                    [key: string]: number;
                };
                delivered: number;
                id: string;
                kind: string;
            }[];
            openedReason?: string;
            paused: boolean;
            productId: string;
            /** Format: date-time */
            publicOpensAt?: string;
            releaseId: string;
            retried: number;
            sku: string;
            /** Format: date-time */
            soldOutAt?: string;
            /** Format: date-time */
            startAt: string;
            /** @enum {string} */
            state: "scheduled" | "building" | "waves" | "public" | "completed" | "cancelled";
            /** @enum {string} */
            trigger: "manual" | "back_in_stock";
            units: {
                free: number;
                held: number;
                offered: number;
                sold: number;
            };
            waves: {
                conversions: number;
                /** @description Delivery outcomes by status (sent, duplicate, suppressed, deferred, failed, …). */
                counts: {
                    [key: string]: number;
                };
                delivered: number;
                /** @description Why this size: the estimate when the wave was planned. */
                estimate: {
                    buyRate?: number;
                    freeUnits?: number;
                    pendingBuyers?: number;
                };
                n: number;
                /** Format: date-time */
                plannedAt: string;
                /** Format: date-time */
                sentAt?: string;
                size: number;
            }[];
        };
        ReleaseSettings: {
            /** @default true */
            autoRelease: boolean;
            /** @default {} */
            defaults: {
                channels?: ("email" | "sms")[];
                checkMinutes?: number;
                clickThrough?: number;
                flashDiscount?: {
                    code: string;
                    percent: number;
                };
                holdMinutes?: number;
                horizonHours?: number;
                linkTtlHours?: number;
                maxWave?: number;
                minWave?: number;
                oversubscription?: number;
                prior?: {
                    alpha: number;
                    beta: number;
                };
                /** Format: uri */
                productUrl?: string;
                publicAfterHours?: number;
                response?: {
                    fastMeanHours: number;
                    fastShare: number;
                    slowMeanHours: number;
                };
                shards?: number;
                tiers?: string[];
                windowMinutes?: number;
            };
            tenantId: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        ReleaseSummary: {
            /** Format: date-time */
            createdAt: string;
            endReason?: string;
            paused: boolean;
            productId: string;
            releaseId: string;
            sku: string;
            sold: number;
            /** @enum {string} */
            state: "scheduled" | "building" | "waves" | "public" | "completed" | "cancelled";
            units: number;
            /** @description Waves planned or sent so far. */
            waves: number;
        };
        ReorderSuggestion: {
            casePack: number;
            daysOfCover: number | null;
            daysUntilStockout: number | null;
            demandClass: string;
            inventoryPosition: number;
            leadTimeDays: number;
            minOrderQty: number;
            model: string;
            onHand: number;
            productId: string;
            productTitle: string;
            reorderPoint: number;
            /** Format: date */
            runDate: string;
            safetyStock: number;
            sku: string;
            stockoutDate: string | null;
            suggestedOrderQty: number;
            supplierId: string | null;
            waitlistDemand: number;
        };
        SendRecord: {
            attemptId: string;
            /** @enum {string} */
            channel: "email" | "sms";
            clickedAt?: string;
            clicks?: number;
            createdAt: string;
            /** @enum {string} */
            delivery?: "delivered" | "bounced" | "complained" | "rejected" | "delayed";
            deliveryAt?: string;
            /** @description Why it failed: the provider’s refusal, or `unconfirmed` (no SES event confirmed it). */
            failure?: string;
            /** @enum {string} */
            kind: "marketing" | "transactional";
            ledgerId: string;
            locale: string;
            messageId?: string;
            openedAt?: string;
            opens?: number;
            purpose: string;
            recipientId: string;
            reconciled?: boolean;
            sentAt?: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            template: string;
            tenantId: string;
            updatedAt: string;
            variant: string;
        };
        ShopperExport: {
            /** Format: date-time */
            exportedAt: string;
            /** @description Every message sent (or attempted) to them, any status. */
            messages: {
                /** @enum {string} */
                channel: "email" | "sms";
                clickedAt?: string;
                clicks?: number;
                createdAt: string;
                /** @enum {string} */
                delivery?: "delivered" | "bounced" | "complained" | "rejected" | "delayed";
                deliveryAt?: string;
                /** @description Why it failed: the provider’s refusal, or `unconfirmed` (no SES event confirmed it). */
                failure?: string;
                /** @enum {string} */
                kind: "marketing" | "transactional";
                ledgerId: string;
                locale: string;
                messageId?: string;
                openedAt?: string;
                opens?: number;
                purpose: string;
                reconciled?: boolean;
                sentAt?: string;
                /** @enum {string} */
                status: "pending" | "sent" | "failed";
                template: string;
                updatedAt: string;
                variant: string;
            }[];
            pointsBalance: number;
            pointsLedger: {
                /** Format: date-time */
                at: string;
                points: number;
                productId?: string;
                reason: string;
                ref: string;
                shopperRef: string;
                sku?: string;
            }[];
            /** @description Who was looked up, normalised (E.164 phone, lower-case e-mail). */
            subject: {
                email?: string;
                phone?: string;
                shopperId?: string;
            };
            waitlistEntries: {
                /** Format: date-time */
                activatedAt?: string;
                channels: {
                    email: boolean;
                    sms: boolean;
                };
                consent: {
                    at?: string;
                    /** @constant */
                    given: true;
                    ipHash?: string;
                    /** Format: date-time */
                    recordedAt: string;
                    source: string;
                    textVersion: string;
                };
                /** Format: date-time */
                createdAt: string;
                email?: string;
                entryId: string;
                /** Format: date-time */
                keepUntil?: string;
                lastCampaign?: string;
                /** Format: date-time */
                lastMessageAt?: string;
                /** Format: date-time */
                lastUpdateAt?: string;
                listId: string;
                locale: string;
                phone?: string;
                productId: string;
                /** Format: date-time */
                reviewAt?: string;
                seq?: number;
                shopperId?: string;
                sku?: string;
                /** @enum {string} */
                status: "pending" | "active";
                tenantId: string;
                timeZone?: string;
                /** @default 0 */
                updatesSent: number;
            }[];
        };
        StockTransition: {
            available: number;
            /** @enum {string} */
            from: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
            productId: string;
            seq: number;
            sku: string;
            /** @enum {string} */
            to: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
        };
        StorefrontConfig: {
            /** @default {} */
            consent: {
                [key: string]: string;
            };
            locales?: string[];
            /** Format: uri */
            privacyUrl?: string;
            /** @default 300 */
            rateLimitPerMinute: number;
            /**
             * @default {
             *       "coverDays": 7,
             *       "minUnits7d": 5
             *     }
             */
            sellingFast: {
                /** @default 7 */
                coverDays: number;
                /** @default 5 */
                minUnits7d: number;
            };
            tenantId: string;
            /** @default {} */
            texts: {
                [key: string]: {
                    [key: string]: string;
                };
            };
            /** Format: date-time */
            updatedAt?: string;
        };
        /** @description When it is expected back: a purchase order's or the preorder's date that has not passed, else an honest "unknown". */
        StorefrontEta: {
            date: string | null;
            label: string;
            source: ("purchase_order" | "preorder") | null;
            /** @enum {string} */
            status: "expected" | "unknown";
        };
        Supplier: {
            /** @default [] */
            alternates: string[];
            /** @default 1 */
            casePack: number;
            /** Format: email */
            email?: string;
            /** @default 14 */
            leadTimeDays: number;
            leadTimeStdDays?: number;
            /** @default 1 */
            minOrderQty: number;
            name: string;
            onTimeRate?: number;
            /** @default 0 */
            receivedOrders: number;
            supplierId: string;
            tenantId: string;
        };
        Tenant: {
            /** @default [] */
            allowedOrigins: string[];
            /** Format: email */
            contactEmail: string;
            /** Format: date-time */
            createdAt: string;
            locale: string;
            name: string;
            /** @default 0 */
            productCount: number;
            settings: {
                /**
                 * @default {
                 *       "lowStockWindowHours": 24,
                 *       "dailyDigest": false
                 *     }
                 */
                alerts: {
                    /** @default false */
                    dailyDigest: boolean;
                    /** Format: email */
                    email?: string;
                    /** @default 24 */
                    lowStockWindowHours: number;
                };
                forecasting: {
                    /** @default 14 */
                    defaultLeadTimeDays: number;
                    /** @default true */
                    digest: boolean;
                    /** @default 60 */
                    horizonDays: number;
                    /** @default 7 */
                    reviewPeriodDays: number;
                    /** @default 0.95 */
                    serviceLevel: number;
                };
                /**
                 * @default {
                 *       "lowStockThreshold": 5,
                 *       "displayThreshold": 3,
                 *       "safetyStock": 0,
                 *       "shipFromStore": false
                 *     }
                 */
                inventory: {
                    /** @default 3 */
                    displayThreshold: number;
                    /** @default 5 */
                    lowStockThreshold: number;
                    /** @default 0 */
                    safetyStock: number;
                    /** @default false */
                    shipFromStore: boolean;
                };
                waitlist: {
                    capPerVariant?: number;
                    /** @default {} */
                    consentTexts: {
                        [key: string]: {
                            text: string;
                            version: string;
                        };
                    };
                    defaultCountry?: string;
                    /** @default [] */
                    disposableDomains: string[];
                    /** @default false */
                    doubleOptIn: boolean;
                    /** @default 7 */
                    dripCadenceDays: number;
                    /** @default 90 */
                    entryTtlDays: number;
                    /** @default 7 */
                    keepGraceDays: number;
                    /** @default 3 */
                    maxUpdates: number;
                    productUrlTemplate?: string;
                    /**
                     * @default {
                     *       "perIpSeconds": 30,
                     *       "perAddressSeconds": 180
                     *     }
                     */
                    rateLimit: {
                        /** @default 180 */
                        perAddressSeconds: number;
                        /** @default 30 */
                        perIpSeconds: number;
                    };
                    /** @default 14 */
                    silenceDays: number;
                    /** @default 3 */
                    unconfirmedTtlDays: number;
                };
            };
            /** @enum {string} */
            status: "active" | "suspended";
            tenantId: string;
        };
        VariantAvailability: {
            attributes: {
                [key: string]: string;
            };
            available: boolean;
            eta?: components["schemas"]["StorefrontEta"];
            label: string;
            notify: boolean;
            orderable: boolean;
            price?: number;
            sku: string;
            /** @enum {string} */
            state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
            /** @description Shown only when the true sellable count is at or under the display threshold. */
            unitsLeft?: number;
        };
        VariantMatrix: {
            axes: {
                name: string;
                values: {
                    available: boolean;
                    value: string;
                }[];
            }[];
            /** @description Every combination of the axes, made or not (sku null: not made); empty without axes, null when there would be more than 1000. */
            cells: {
                attributes: {
                    [key: string]: string;
                };
                available: boolean;
                sku: string | null;
                state: ("in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder") | null;
            }[] | null;
        };
        WaitlistEntry: {
            channels: {
                email: boolean;
                sms: boolean;
            };
            consent: {
                recordedAt: string;
                source: string;
                textVersion: string;
            };
            email?: string;
            entryId: string;
            lastMessageAt: string | null;
            locale: string;
            phone?: string;
            /** @description The place in line (active entries); null while pending. */
            position: number | null;
            shopperId?: string;
            /** @description When it joined the line (or signed up, while pending). */
            since: string;
            /** @enum {string} */
            status: "active" | "pending";
            updatesSent: number;
        };
        WaitlistPerks: {
            discount?: {
                code: string;
                description?: string;
                /** @default 24 */
                validHours: number;
            };
            exclusiveContent?: {
                [key: string]: string;
            };
            loyaltyPoints?: number;
            /** Format: date-time */
            updatedAt?: string;
        };
        WaitlistSettings: {
            capPerVariant?: number;
            /** @default {} */
            consentTexts: {
                [key: string]: {
                    text: string;
                    version: string;
                };
            };
            defaultCountry?: string;
            /** @default [] */
            disposableDomains: string[];
            /** @default false */
            doubleOptIn: boolean;
            /** @default 7 */
            dripCadenceDays: number;
            /** @default 90 */
            entryTtlDays: number;
            /** @default 7 */
            keepGraceDays: number;
            /** @default 3 */
            maxUpdates: number;
            productUrlTemplate?: string;
            /**
             * @default {
             *       "perIpSeconds": 30,
             *       "perAddressSeconds": 180
             *     }
             */
            rateLimit: {
                /** @default 180 */
                perAddressSeconds: number;
                /** @default 30 */
                perIpSeconds: number;
            };
            /** @default 14 */
            silenceDays: number;
            /** @default 3 */
            unconfirmedTtlDays: number;
        };
        WaitlistSignup: {
            channels: {
                email: boolean;
                sms: boolean;
            };
            entryId: string;
            listId: string;
            /** @description Live rank among the active entries of the list; null until confirmed. */
            position: number | null;
            productId: string;
            sku?: string;
            /**
             * @description `pending_confirmation` until the double opt-in link is clicked.
             * @enum {string}
             */
            status: "active" | "pending_confirmation";
        };
        WaitlistSummary: {
            byChannel: {
                email: number;
                sms: number;
            };
            lastEtaUpdateAt: string | null;
            lastJoinedAt: string | null;
            /** @enum {string} */
            level: "product" | "variant";
            /** @description `sku:<sku>` (a variant) or `product:<productId>` (any variant of the product). */
            listId: string;
            productId: string;
            sku?: string;
            waiting: number;
        };
        WidgetConfig: {
            consent: {
                /** @description The shop’s own consent text (else the built-in one). */
                custom: boolean;
                text: string;
                /** @description Identifies the exact words the shopper agrees to (recorded with the consent). */
                version: string;
            };
            locale: string;
            /** @description Languages the widget offers; the first is the shop’s default. */
            locales: string[];
            privacyUrl?: string;
            signals: {
                path: string;
            };
            /** @description The widget’s, states’, ETAs’ and badges’ texts in `locale`, the tenant’s overrides applied. */
            texts: {
                [key: string]: string;
            };
            waitlist: {
                signupPath: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    corsPreflight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proxy: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content. With `Origin` and `Access-Control-Request-Method`, the CORS headers. */
            204: {
                headers: {
                    /** @description `content-type,x-restock-key,idempotency-key` */
                    "Access-Control-Allow-Headers"?: string;
                    /** @description `GET,POST,PUT,PATCH,DELETE` */
                    "Access-Control-Allow-Methods"?: string;
                    /** @description The caller’s origin (the real response enforces the shop’s list). */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `3600` */
                    "Access-Control-Max-Age"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    demandReport: {
        parameters: {
            query: {
                from: string;
                /** @description Only this kind of subject. */
                kind?: "sku" | "product" | "query";
                to: string;
                /** @description Only this kind of signal. */
                type?: "oos_view" | "search_no_results" | "search_sold_out" | "cart_attempt_unavailable";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rows of each day and the totals per subject. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        from: string;
                        rows: components["schemas"]["DemandRow"][];
                        /** Format: date */
                        to: string;
                        totals: components["schemas"]["DemandTotal"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFeeds: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of feeds with their status and counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        feeds: components["schemas"]["Feed"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    dryRun?: boolean;
                    /** @description The merchant’s file name, kept (sanitized) in the object key. */
                    filename: string;
                    /** @enum {string} */
                    format?: "csv" | "json" | "ndjson";
                    /** @default false */
                    full?: boolean;
                    /** @default main */
                    location?: string;
                };
            };
        };
        responses: {
            /** @description The feed (pending) and where to PUT the file. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Seconds the upload URL stays valid. */
                        expiresIn: number;
                        feed: components["schemas"]["Feed"];
                        feedId: string;
                        /** @constant */
                        method: "PUT";
                        /** @description Presigned: PUT the file’s bytes here, with no credentials. */
                        uploadUrl: string;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                feedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed, and its report without the full list of rejections (the first 20 are in `firstRejections`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        feed: components["schemas"]["Feed"];
                        /** @description Once the feed is processed. */
                        report?: components["schemas"]["FeedReportSummary"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFeedReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                feedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedReport"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listForecasts: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of forecast summaries and the last run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["ForecastSummary"][];
                        lastRun: components["schemas"]["ForecastRun"] | null;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getForecast: {
        parameters: {
            query?: {
                /** @description A past run’s date (default: the latest). */
                runDate?: string;
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forecast and the run dates kept. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        forecast: components["schemas"]["Forecast"];
                        runDates: string[];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runForecast: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Started. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        executionArn: string;
                        /** Format: date */
                        runDate: string;
                        /** Format: date-time */
                        startedAt: string;
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key of the tenant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "admin" | "publishable";
                    /** @default  */
                    label?: string;
                };
            };
        };
        responses: {
            /** @description The new key; its secret is in this answer only. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: components["schemas"]["ApiKey"];
                        /** @description The whole key; shown in this answer only (Restock keeps its hash). */
                        secret: string;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: components["schemas"]["ApiKey"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 0 */
                    graceSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The new key (secret shown once) and the previous one. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: components["schemas"]["ApiKey"];
                        previous: components["schemas"]["ApiKey"];
                        /** @description The whole key; shown in this answer only (Restock keeps its hash). */
                        secret: string;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLocations: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of locations, in id order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["Location"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createLocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string;
                    city?: string;
                    /** @description Stock here counts toward online availability; default true. */
                    countsOnline?: boolean;
                    /** @enum {string} */
                    kind: "warehouse" | "store";
                    locationId: string;
                    name: string;
                    openingHours?: string;
                    /** @description Shoppers can pick up here; default false. */
                    pickup?: boolean;
                };
            };
        };
        responses: {
            /** @description The location. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        location: components["schemas"]["Location"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The location. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        location: components["schemas"]["Location"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                locationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string;
                    city?: string;
                    /** @description Stock here counts toward online availability; default true. */
                    countsOnline?: boolean;
                    /** @enum {string} */
                    kind: "warehouse" | "store";
                    name: string;
                    openingHours?: string;
                    /** @description Shoppers can pick up here; default false. */
                    pickup?: boolean;
                };
            };
        };
        responses: {
            /** @description The location. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        location: components["schemas"]["Location"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
                recipientId?: string;
                status?: "pending" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of send records, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["SendRecord"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSendingDomain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain with its DKIM records and status, or the platform default when none is set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        checkedAt: string;
                        dkimStatus: string;
                        /** @description The Easy DKIM CNAMEs to publish in the domain’s DNS. */
                        dnsRecords: {
                            name: string;
                            /** @constant */
                            type: "CNAME";
                            value: string;
                        }[];
                        domain: string;
                        from: string;
                        /** @enum {string} */
                        status: "pending" | "verified" | "failed";
                        verifiedForSending: boolean;
                    } | {
                        domain: null;
                        from: null;
                        /** @constant */
                        status: "platform-default";
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable: retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifySendingDomain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain: string;
                    /** @default alerts */
                    fromLocalPart?: string;
                };
            };
        };
        responses: {
            /** @description Verification started: publish the DNS records. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        checkedAt: string;
                        dkimStatus: string;
                        /** @description The Easy DKIM CNAMEs to publish in the domain’s DNS. */
                        dnsRecords: {
                            name: string;
                            /** @constant */
                            type: "CNAME";
                            value: string;
                        }[];
                        domain: string;
                        from: string;
                        /** @enum {string} */
                        status: "pending" | "verified" | "failed";
                        verifiedForSending: boolean;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable: retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMessagingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, defaults filled in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        settings: {
                            /** @default 30 */
                            cooldownMinutes: number;
                            /** @default Europe/Rome */
                            defaultTimeZone: string;
                            domain?: {
                                /** Format: date-time */
                                checkedAt: string;
                                fromLocalPart: string;
                                name: string;
                                /** @enum {string} */
                                status: "pending" | "verified" | "failed";
                            };
                            /**
                             * @default {
                             *       "max": 5,
                             *       "windowDays": 7
                             *     }
                             */
                            frequencyCap: {
                                max: number;
                                windowDays: number;
                            };
                            fromName?: string;
                            /**
                             * @default {
                             *       "start": "21:00",
                             *       "end": "09:00"
                             *     }
                             */
                            quietHours: {
                                end: string;
                                start: string;
                            };
                            /** Format: email */
                            replyTo?: string;
                            smsSenderId?: string;
                            /** @default true */
                            trackClicks: boolean;
                            /** Format: email */
                            unsubscribeMailto?: string;
                        };
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putMessagingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 30 */
                    cooldownMinutes?: number;
                    /** @default Europe/Rome */
                    defaultTimeZone?: string;
                    /**
                     * @default {
                     *       "max": 5,
                     *       "windowDays": 7
                     *     }
                     */
                    frequencyCap?: {
                        max: number;
                        windowDays: number;
                    };
                    fromName?: string;
                    /**
                     * @default {
                     *       "start": "21:00",
                     *       "end": "09:00"
                     *     }
                     */
                    quietHours?: {
                        end: string;
                        start: string;
                    };
                    /** Format: email */
                    replyTo?: string;
                    smsSenderId?: string;
                    /** @default true */
                    trackClicks?: boolean;
                    /** Format: email */
                    unsubscribeMailto?: string;
                };
            };
        };
        responses: {
            /** @description The settings in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        settings: {
                            /** @default 30 */
                            cooldownMinutes: number;
                            /** @default Europe/Rome */
                            defaultTimeZone: string;
                            domain?: {
                                /** Format: date-time */
                                checkedAt: string;
                                fromLocalPart: string;
                                name: string;
                                /** @enum {string} */
                                status: "pending" | "verified" | "failed";
                            };
                            /**
                             * @default {
                             *       "max": 5,
                             *       "windowDays": 7
                             *     }
                             */
                            frequencyCap: {
                                max: number;
                                windowDays: number;
                            };
                            fromName?: string;
                            /**
                             * @default {
                             *       "start": "21:00",
                             *       "end": "09:00"
                             *     }
                             */
                            quietHours: {
                                end: string;
                                start: string;
                            };
                            /** Format: email */
                            replyTo?: string;
                            smsSenderId?: string;
                            /** @default true */
                            trackClicks: boolean;
                            /** Format: email */
                            unsubscribeMailto?: string;
                        };
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    orderWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currency?: string;
                    lines: {
                        locationId?: string;
                        price: number;
                        quantity: number;
                        sku: string;
                    }[];
                    orderId: string;
                    /** Format: date-time */
                    placedAt?: string;
                    /** @description Kept only as a pseudonym (a hash), for release conversion attribution. */
                    shopper?: {
                        /** Format: email */
                        email?: string;
                        id?: string;
                    };
                    /** @constant */
                    type: "placed";
                } | {
                    orderId: string;
                    /** @constant */
                    type: "cancelled";
                } | {
                    lines: {
                        quantity: number;
                        sku: string;
                    }[];
                    orderId: string;
                    restock?: boolean;
                    returnId: string;
                    /** @constant */
                    type: "returned";
                };
            };
        };
        responses: {
            /** @description Seen before: nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This delivery (order id, or return id) was seen before: nothing changed. */
                        duplicate: boolean;
                        orderId: string;
                        /** @enum {string} */
                        status: "placed" | "cancelled" | "returned" | "partially_returned";
                        transitions: components["schemas"]["StockTransition"][];
                    };
                };
            };
            /** @description Applied. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This delivery (order id, or return id) was seen before: nothing changed. */
                        duplicate: boolean;
                        orderId: string;
                        /** @enum {string} */
                        status: "placed" | "cancelled" | "returned" | "partially_returned";
                        transitions: components["schemas"]["StockTransition"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["Product"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        [key: string]: string;
                    };
                    brand?: string;
                    category?: string;
                    currency?: string;
                    description?: string;
                    /** Format: uri */
                    imageUrl?: string;
                    price?: number;
                    /** @description Chosen by Restock (`p-…`) when absent. */
                    productId?: string;
                    related?: string[];
                    settings?: {
                        backorder?: {
                            cap?: number;
                            enabled: boolean;
                        };
                        displayThreshold?: number;
                        lowStockThreshold?: number;
                        outOfStockReason?: string;
                        preorder?: {
                            cap?: number;
                            enabled: boolean;
                            /** Format: date */
                            etaDate?: string;
                            label?: string;
                        };
                        safetyStock?: number;
                    };
                    /** @enum {string} */
                    status?: "active" | "archived";
                    tags?: string[];
                    title: string;
                    /** Format: uri */
                    url?: string;
                    variants: {
                        attributes?: {
                            [key: string]: string;
                        };
                        price?: number;
                        sku: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The product. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    archiveProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archived product. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        [key: string]: string;
                    };
                    brand?: string | null;
                    category?: string | null;
                    description?: string | null;
                    imageUrl?: string | null;
                    price?: number | null;
                    related?: string[];
                    settings?: {
                        backorder?: {
                            cap?: number;
                            enabled: boolean;
                        } | null;
                        displayThreshold?: number | null;
                        lowStockThreshold?: number | null;
                        outOfStockReason?: string | null;
                        preorder?: {
                            cap?: number;
                            enabled: boolean;
                            /** Format: date */
                            etaDate?: string;
                            label?: string;
                        } | null;
                        safetyStock?: number | null;
                    };
                    /** @enum {string} */
                    status?: "active" | "archived";
                    tags?: string[];
                    title?: string;
                    url?: string | null;
                };
            };
        };
        responses: {
            /** @description The product after the change, and the transitions it caused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: components["schemas"]["Product"];
                        /** @description Availability transitions the change caused (each published once). */
                        transitions: components["schemas"]["StockTransition"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        [key: string]: string;
                    };
                    price?: number;
                    sku: string;
                };
            };
        };
        responses: {
            /** @description The product with its new variant, and the transitions it caused. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: components["schemas"]["Product"];
                        /** @description Availability transitions the change caused (each published once). */
                        transitions: components["schemas"]["StockTransition"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product without the variant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPurchaseOrders: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
                status?: "open" | "received" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of purchase orders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["PurchaseOrder"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    expectedDate: string;
                    lines: {
                        /** @default main */
                        locationId?: string;
                        quantity: number;
                        sku: string;
                    }[];
                    /**
                     * Format: date-time
                     * @description Default: now.
                     */
                    orderedAt?: string;
                    /** @description Chosen by Restock when absent. */
                    poId?: string;
                    supplierId?: string;
                };
            };
        };
        responses: {
            /** @description The purchase order and the ETA changes it caused. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description SKUs whose restock ETA moved (each announced as RestockEtaChanged). */
                        etaChanges: components["schemas"]["EtaChange"][];
                        purchaseOrder: components["schemas"]["PurchaseOrder"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                poId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The purchase order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        purchaseOrder: components["schemas"]["PurchaseOrder"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchPurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                poId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    expectedDate?: string;
                    /** @constant */
                    status?: "cancelled";
                    supplierId?: string | null;
                };
            };
        };
        responses: {
            /** @description The purchase order and the ETA changes it caused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description SKUs whose restock ETA moved (each announced as RestockEtaChanged). */
                        etaChanges: components["schemas"]["EtaChange"][];
                        purchaseOrder: components["schemas"]["PurchaseOrder"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receivePurchaseOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                poId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    lines?: {
                        locationId?: string;
                        quantity: number;
                        sku: string;
                    }[];
                    /** Format: date */
                    receivedDate?: string;
                };
            };
        };
        responses: {
            /** @description The received order, what was booked, the supplier and the transitions and ETA changes it caused. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Units booked into stock, per SKU and location. */
                        applied: {
                            locationId: string;
                            quantity: number;
                            sku: string;
                        }[];
                        etaChanges: components["schemas"]["EtaChange"][];
                        purchaseOrder: components["schemas"]["PurchaseOrder"];
                        /** @description Units that could not be booked because their variant no longer exists. */
                        skipped: {
                            quantity: number;
                            reason: string;
                            sku: string;
                        }[];
                        /** @description The supplier with the delivery folded into its statistics (when the order names one that exists). */
                        supplier?: components["schemas"]["Supplier"];
                        transitions: components["schemas"]["StockTransition"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReleaseSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether releases start on BackInStock, and the default configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseSettings"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putReleaseSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    autoRelease?: boolean;
                    defaults?: {
                        channels?: ("email" | "sms")[];
                        checkMinutes?: number;
                        clickThrough?: number;
                        flashDiscount?: {
                            code: string;
                            percent: number;
                        };
                        holdMinutes?: number;
                        horizonHours?: number;
                        linkTtlHours?: number;
                        maxWave?: number;
                        minWave?: number;
                        oversubscription?: number;
                        prior?: {
                            alpha: number;
                            beta: number;
                        };
                        /** Format: uri */
                        productUrl?: string;
                        publicAfterHours?: number;
                        response?: {
                            fastMeanHours: number;
                            fastShare: number;
                            slowMeanHours: number;
                        };
                        shards?: number;
                        tiers?: string[];
                        windowMinutes?: number;
                    };
                };
            };
        };
        responses: {
            /** @description The settings now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseSettings"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReleases: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of releases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["ReleaseSummary"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startRelease: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Overrides of the tenant’s release defaults, for this release only. */
                    config?: {
                        channels?: ("email" | "sms")[];
                        checkMinutes?: number;
                        clickThrough?: number;
                        flashDiscount?: {
                            code: string;
                            percent: number;
                        };
                        holdMinutes?: number;
                        horizonHours?: number;
                        linkTtlHours?: number;
                        maxWave?: number;
                        minWave?: number;
                        oversubscription?: number;
                        prior?: {
                            alpha: number;
                            beta: number;
                        };
                        /** Format: uri */
                        productUrl?: string;
                        publicAfterHours?: number;
                        response?: {
                            fastMeanHours: number;
                            fastShare: number;
                            slowMeanHours: number;
                        };
                        shards?: number;
                        tiers?: string[];
                        windowMinutes?: number;
                    };
                    productId: string;
                    sku: string;
                    /**
                     * Format: date-time
                     * @description When to start (default: now).
                     */
                    startAt?: string;
                    /** @description Release at most this many units (default: every sellable unit, restocks mid-release included). */
                    units?: number;
                };
            };
        };
        responses: {
            /** @description This release exists already: its progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseProgress"];
                };
            };
            /** @description Started: the release’s progress. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseProgress"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                releaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Units, audience, waves, conversions and the workflow’s state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseProgress"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReleaseCampaign: {
        parameters: {
            query?: {
                /** @description Comma-separated locales, e.g. `it,en` (default: the shop’s, English and Italian). */
                locale?: string;
            };
            header?: never;
            path: {
                releaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The copy in each locale asked for. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locales: {
                            email: {
                                preheader: string;
                                subject: string;
                                text: string;
                            };
                            locale: string;
                            sms: string;
                            social: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                releaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release’s progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseProgress"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                releaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release’s progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseProgress"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                releaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release’s progress; `restarted` says whether a new execution was started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audience: {
                            built: boolean;
                            late: number;
                            notified: number;
                            remaining: number;
                            size: number;
                            tiered: number;
                        };
                        check?: {
                            items: {
                                detail: string;
                                id: string;
                                ok: boolean;
                            }[];
                            ok: boolean;
                        };
                        config: {
                            /**
                             * @default [
                             *       "email",
                             *       "sms"
                             *     ]
                             */
                            channels: ("email" | "sms")[];
                            /** @default 5 */
                            checkMinutes: number;
                            /** @default 0.2 */
                            clickThrough: number;
                            flashDiscount?: {
                                code: string;
                                percent: number;
                            };
                            /** @default 15 */
                            holdMinutes: number;
                            /** @default 8 */
                            horizonHours: number;
                            /** @default 72 */
                            linkTtlHours: number;
                            /** @default 50000 */
                            maxWave: number;
                            /** @default 1 */
                            minWave: number;
                            /** @default 1.05 */
                            oversubscription: number;
                            /**
                             * @default {
                             *       "alpha": 1,
                             *       "beta": 9
                             *     }
                             */
                            prior: {
                                alpha: number;
                                beta: number;
                            };
                            /** Format: uri */
                            productUrl?: string;
                            /** @default 24 */
                            publicAfterHours: number;
                            /**
                             * @default {
                             *       "fastShare": 0.3,
                             *       "fastMeanHours": 0.75,
                             *       "slowMeanHours": 18
                             *     }
                             */
                            response: {
                                /** @default 0.75 */
                                fastMeanHours: number;
                                /** @default 0.3 */
                                fastShare: number;
                                /** @default 18 */
                                slowMeanHours: number;
                            };
                            shards?: number;
                            /**
                             * @default [
                             *       "vip",
                             *       "loyalty"
                             *     ]
                             */
                            tiers: string[];
                            /** @default 45 */
                            windowMinutes: number;
                        };
                        conversions: number;
                        /** Format: date-time */
                        createdAt: string;
                        discount?: {
                            code: string;
                            percent: number;
                            /** Format: date-time */
                            validUntil: string;
                        };
                        /** @description Deferred wave or public messages dropped at the sell-out (those people get the closing notice instead). */
                        droppedAtSellOut: number;
                        /** Format: date-time */
                        endedAt?: string;
                        endReason?: string;
                        execution: {
                            count: number;
                            name?: string;
                            /** @description The workflow execution’s status (RUNNING, FAILED, ABORTED, MISSING, UNKNOWN, …); absent once the release is over. */
                            status?: string;
                        };
                        /** @description The batch of messages being sent now, if any. */
                        job: {
                            delivered: number;
                            /** @enum {string} */
                            kind: "wave" | "keep_place" | "public";
                            reached: number;
                            remaining?: number;
                            wave?: number;
                        } | null;
                        /** Format: date-time */
                        nextWaveAt?: string;
                        /** @description Finished non-wave sends: the public opening, the "keep your place" notices. */
                        notices: {
                            /** @description Delivery outcomes by status (sent, duplicate, suppressed, deferred, failed, …). */
                            counts: {
                                [key: string]: number;
                            };
                            delivered: number;
                            id: string;
                            kind: string;
                        }[];
                        openedReason?: string;
                        paused: boolean;
                        productId: string;
                        /** Format: date-time */
                        publicOpensAt?: string;
                        releaseId: string;
                        restarted: boolean;
                        retried: number;
                        sku: string;
                        /** Format: date-time */
                        soldOutAt?: string;
                        /** Format: date-time */
                        startAt: string;
                        /** @enum {string} */
                        state: "scheduled" | "building" | "waves" | "public" | "completed" | "cancelled";
                        /** @enum {string} */
                        trigger: "manual" | "back_in_stock";
                        units: {
                            free: number;
                            held: number;
                            offered: number;
                            sold: number;
                        };
                        waves: {
                            conversions: number;
                            /** @description Delivery outcomes by status (sent, duplicate, suppressed, deferred, failed, …). */
                            counts: {
                                [key: string]: number;
                            };
                            delivered: number;
                            /** @description Why this size: the estimate when the wave was planned. */
                            estimate: {
                                buyRate?: number;
                                freeUnits?: number;
                                pendingBuyers?: number;
                            };
                            n: number;
                            /** Format: date-time */
                            plannedAt: string;
                            /** Format: date-time */
                            sentAt?: string;
                            size: number;
                        }[];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    planRelease: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Overrides of the tenant’s release defaults, for this release only. */
                    config?: {
                        channels?: ("email" | "sms")[];
                        checkMinutes?: number;
                        clickThrough?: number;
                        flashDiscount?: {
                            code: string;
                            percent: number;
                        };
                        holdMinutes?: number;
                        horizonHours?: number;
                        linkTtlHours?: number;
                        maxWave?: number;
                        minWave?: number;
                        oversubscription?: number;
                        prior?: {
                            alpha: number;
                            beta: number;
                        };
                        /** Format: uri */
                        productUrl?: string;
                        publicAfterHours?: number;
                        response?: {
                            fastMeanHours: number;
                            fastShare: number;
                            slowMeanHours: number;
                        };
                        shards?: number;
                        tiers?: string[];
                        windowMinutes?: number;
                    };
                    productId: string;
                    sku: string;
                    /**
                     * Format: date-time
                     * @description When to start (default: now).
                     */
                    startAt?: string;
                    /** @description Release at most this many units (default: every sellable unit, restocks mid-release included). */
                    units?: number;
                };
            };
        };
        responses: {
            /** @description What would happen, and whether it may start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        check: {
                            items: {
                                detail: string;
                                /** @enum {string} */
                                id: "waitlist_ready" | "messages_prepared" | "stock_secured" | "channels_aligned";
                                ok: boolean;
                            }[];
                            ok: boolean;
                        };
                        config: {
                            /**
                             * @default [
                             *       "email",
                             *       "sms"
                             *     ]
                             */
                            channels: ("email" | "sms")[];
                            /** @default 5 */
                            checkMinutes: number;
                            /** @default 0.2 */
                            clickThrough: number;
                            flashDiscount?: {
                                code: string;
                                percent: number;
                            };
                            /** @default 15 */
                            holdMinutes: number;
                            /** @default 8 */
                            horizonHours: number;
                            /** @default 72 */
                            linkTtlHours: number;
                            /** @default 50000 */
                            maxWave: number;
                            /** @default 1 */
                            minWave: number;
                            /** @default 1.05 */
                            oversubscription: number;
                            /**
                             * @default {
                             *       "alpha": 1,
                             *       "beta": 9
                             *     }
                             */
                            prior: {
                                alpha: number;
                                beta: number;
                            };
                            /** Format: uri */
                            productUrl?: string;
                            /** @default 24 */
                            publicAfterHours: number;
                            /**
                             * @default {
                             *       "fastShare": 0.3,
                             *       "fastMeanHours": 0.75,
                             *       "slowMeanHours": 18
                             *     }
                             */
                            response: {
                                /** @default 0.75 */
                                fastMeanHours: number;
                                /** @default 0.3 */
                                fastShare: number;
                                /** @default 18 */
                                slowMeanHours: number;
                            };
                            shards?: number;
                            /**
                             * @default [
                             *       "vip",
                             *       "loyalty"
                             *     ]
                             */
                            tiers: string[];
                            /** @default 45 */
                            windowMinutes: number;
                        };
                        preview: {
                            assumptions: {
                                buyRate: number;
                                clickThrough: number;
                                noticeSeen: number;
                                response: {
                                    /** @default 0.75 */
                                    fastMeanHours: number;
                                    /** @default 0.3 */
                                    fastShare: number;
                                    /** @default 18 */
                                    slowMeanHours: number;
                                };
                            };
                            expected: {
                                disappointed: number;
                                disappointedRange: [
                                    number,
                                    number
                                ];
                                disappointedShare: number;
                                notified: number;
                                sellOutHoursMedian: number | null;
                                sellThrough24h: number;
                                soldOutShare: number;
                                toldKeepPlace: number;
                                unitsSold24h: number;
                            };
                            publicOpensAtHours: number | null;
                            runs: number;
                            waves: {
                                atHours: number;
                                cumulative: number;
                                expectedSoldBefore: number;
                                n: number;
                                size: number;
                            }[];
                        };
                        /** @description Units the release would offer: the request’s, or every sellable unit (and those due by the start). */
                        units: number;
                        waiting: number;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReorderSuggestions: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reorder suggestions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["ReorderSuggestion"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, defaults filled in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowedOrigins: string[];
                        settings: {
                            /**
                             * @default {
                             *       "lowStockWindowHours": 24,
                             *       "dailyDigest": false
                             *     }
                             */
                            alerts: {
                                /** @default false */
                                dailyDigest: boolean;
                                /** Format: email */
                                email?: string;
                                /** @default 24 */
                                lowStockWindowHours: number;
                            };
                            forecasting: {
                                /** @default 14 */
                                defaultLeadTimeDays: number;
                                /** @default true */
                                digest: boolean;
                                /** @default 60 */
                                horizonDays: number;
                                /** @default 7 */
                                reviewPeriodDays: number;
                                /** @default 0.95 */
                                serviceLevel: number;
                            };
                            /**
                             * @default {
                             *       "lowStockThreshold": 5,
                             *       "displayThreshold": 3,
                             *       "safetyStock": 0,
                             *       "shipFromStore": false
                             *     }
                             */
                            inventory: {
                                /** @default 3 */
                                displayThreshold: number;
                                /** @default 5 */
                                lowStockThreshold: number;
                                /** @default 0 */
                                safetyStock: number;
                                /** @default false */
                                shipFromStore: boolean;
                            };
                            waitlist: {
                                capPerVariant?: number;
                                /** @default {} */
                                consentTexts: {
                                    [key: string]: {
                                        text: string;
                                        version: string;
                                    };
                                };
                                defaultCountry?: string;
                                /** @default [] */
                                disposableDomains: string[];
                                /** @default false */
                                doubleOptIn: boolean;
                                /** @default 7 */
                                dripCadenceDays: number;
                                /** @default 90 */
                                entryTtlDays: number;
                                /** @default 7 */
                                keepGraceDays: number;
                                /** @default 3 */
                                maxUpdates: number;
                                productUrlTemplate?: string;
                                /**
                                 * @default {
                                 *       "perIpSeconds": 30,
                                 *       "perAddressSeconds": 180
                                 *     }
                                 */
                                rateLimit: {
                                    /** @default 180 */
                                    perAddressSeconds: number;
                                    /** @default 30 */
                                    perIpSeconds: number;
                                };
                                /** @default 14 */
                                silenceDays: number;
                                /** @default 3 */
                                unconfirmedTtlDays: number;
                            };
                        };
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowedOrigins?: string[];
                    settings?: {
                        alerts?: {
                            dailyDigest?: boolean;
                            email?: string | null;
                            lowStockWindowHours?: number;
                        };
                        forecasting?: {
                            defaultLeadTimeDays?: number;
                            digest?: boolean;
                            horizonDays?: number;
                            reviewPeriodDays?: number;
                            serviceLevel?: number;
                        };
                        inventory?: {
                            displayThreshold?: number;
                            lowStockThreshold?: number;
                            safetyStock?: number;
                            shipFromStore?: boolean;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The settings after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowedOrigins: string[];
                        settings: {
                            /**
                             * @default {
                             *       "lowStockWindowHours": 24,
                             *       "dailyDigest": false
                             *     }
                             */
                            alerts: {
                                /** @default false */
                                dailyDigest: boolean;
                                /** Format: email */
                                email?: string;
                                /** @default 24 */
                                lowStockWindowHours: number;
                            };
                            forecasting: {
                                /** @default 14 */
                                defaultLeadTimeDays: number;
                                /** @default true */
                                digest: boolean;
                                /** @default 60 */
                                horizonDays: number;
                                /** @default 7 */
                                reviewPeriodDays: number;
                                /** @default 0.95 */
                                serviceLevel: number;
                            };
                            /**
                             * @default {
                             *       "lowStockThreshold": 5,
                             *       "displayThreshold": 3,
                             *       "safetyStock": 0,
                             *       "shipFromStore": false
                             *     }
                             */
                            inventory: {
                                /** @default 3 */
                                displayThreshold: number;
                                /** @default 5 */
                                lowStockThreshold: number;
                                /** @default 0 */
                                safetyStock: number;
                                /** @default false */
                                shipFromStore: boolean;
                            };
                            waitlist: {
                                capPerVariant?: number;
                                /** @default {} */
                                consentTexts: {
                                    [key: string]: {
                                        text: string;
                                        version: string;
                                    };
                                };
                                defaultCountry?: string;
                                /** @default [] */
                                disposableDomains: string[];
                                /** @default false */
                                doubleOptIn: boolean;
                                /** @default 7 */
                                dripCadenceDays: number;
                                /** @default 90 */
                                entryTtlDays: number;
                                /** @default 7 */
                                keepGraceDays: number;
                                /** @default 3 */
                                maxUpdates: number;
                                productUrlTemplate?: string;
                                /**
                                 * @default {
                                 *       "perIpSeconds": 30,
                                 *       "perAddressSeconds": 180
                                 *     }
                                 */
                                rateLimit: {
                                    /** @default 180 */
                                    perAddressSeconds: number;
                                    /** @default 30 */
                                    perIpSeconds: number;
                                };
                                /** @default 14 */
                                silenceDays: number;
                                /** @default 3 */
                                unconfirmedTtlDays: number;
                            };
                        };
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listShopperTiers: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tier assignments, by tier. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: {
                            ref: string;
                            tier: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setShopperTiers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    shoppers: {
                        /** Format: email */
                        email?: string;
                        id?: string;
                        /** @description null removes the shopper’s tier. */
                        tier: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Assignments written and removed (one per id and per e-mail given). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: number;
                        updated: number;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eraseShopper: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    phone?: string;
                    shopperId?: string;
                };
            };
        };
        responses: {
            /** @description What was erased. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erased: components["schemas"]["ErasureReport"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportShopper: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    phone?: string;
                    shopperId?: string;
                };
            };
        };
        responses: {
            /** @description The export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopperExport"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adjustStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: {
                        /** @description Relative change. */
                        delta?: number;
                        /** @default main */
                        locationId?: string;
                        reason?: string;
                        /** @description Absolute quantity. */
                        set?: number;
                        sku: string;
                    }[];
                    idempotencyKey?: string;
                };
            };
        };
        responses: {
            /** @description What changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Cells (SKU × location) whose quantity changed. */
                        applied: number;
                        /** @description Sellable units per touched SKU after the change. */
                        available: {
                            [key: string]: number;
                        };
                        /** @description With an idempotency key: whether this answer is the first request’s. */
                        replayed?: boolean;
                        transitions: components["schemas"]["StockTransition"][];
                        /** @description Changes that left a cell as it was (no write). */
                        unchanged: number;
                        /** @description SKUs of this tenant’s catalog that do not exist; their changes were skipped. */
                        unknownSkus: string[];
                    } | {
                        /** @constant */
                        replayed: true;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postStockRows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    dryRun?: boolean;
                    /**
                     * @description Location of rows that name none.
                     * @default main
                     */
                    location?: string;
                    /** @description Checked row by row: a bad row is reported, not a 400. */
                    rows: unknown[];
                };
            };
        };
        responses: {
            /** @description The report: counts, and each rejected row with its index. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            applied: number;
                            rejected: number;
                            rowsRead: number;
                            unchanged: number;
                            zeroed: number;
                        };
                        dryRun: boolean;
                        events: number;
                        rejectedByCode: {
                            [key: string]: number;
                        };
                        rejections: {
                            /** @enum {string} */
                            code: "missing_value" | "malformed_number" | "negative_quantity" | "non_integer_quantity" | "invalid_value" | "ambiguous_field" | "line_too_long" | "invalid_utf8" | "duplicate_key" | "wrong_column_count" | "unterminated_quote" | "malformed_json" | "not_an_object" | "unknown_sku" | "invalid_location" | "unknown_location";
                            /** @enum {string} */
                            field: "sku" | "quantity" | "location" | "row";
                            /** @description duplicate_key: the line where the SKU × location first appeared. */
                            firstLine?: number;
                            line: number;
                            location?: string;
                            /** @description The start of the record, for rows that could not be read field by field. */
                            raw?: string;
                            reason: string;
                            /** @description Index of the row in `rows` (0-based). */
                            row: number;
                            sku?: string;
                        }[];
                        rejectionsTruncated: boolean;
                        transitions: number;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStorefrontConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, defaults filled in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: components["schemas"]["StorefrontConfig"];
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putStorefrontConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    consent?: {
                        [key: string]: string;
                    };
                    locales?: string[];
                    /** Format: uri */
                    privacyUrl?: string;
                    /** @default 300 */
                    rateLimitPerMinute?: number;
                    /**
                     * @default {
                     *       "coverDays": 7,
                     *       "minUnits7d": 5
                     *     }
                     */
                    sellingFast?: {
                        /** @default 7 */
                        coverDays?: number;
                        /** @default 5 */
                        minUnits7d?: number;
                    };
                    /** @default {} */
                    texts?: {
                        [key: string]: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The settings as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        config: components["schemas"]["StorefrontConfig"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of suppliers, in id order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["Supplier"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Other suppliers of this tenant to order from instead (they must exist).
                     * @default []
                     */
                    alternates?: string[];
                    /** @default 1 */
                    casePack?: number;
                    /** Format: email */
                    email?: string;
                    /** @default 14 */
                    leadTimeDays?: number;
                    /** @default 1 */
                    minOrderQty?: number;
                    name: string;
                    supplierId: string;
                };
            };
        };
        responses: {
            /** @description The supplier. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        supplier: components["schemas"]["Supplier"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                supplierId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The supplier. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        supplier: components["schemas"]["Supplier"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                supplierId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Other suppliers of this tenant to order from instead (they must exist).
                     * @default []
                     */
                    alternates?: string[];
                    /** @default 1 */
                    casePack?: number;
                    /** Format: email */
                    email?: string;
                    /** @default 14 */
                    leadTimeDays?: number;
                    /** @default 1 */
                    minOrderQty?: number;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The supplier. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        supplier: components["schemas"]["Supplier"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                supplierId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every template in every supported locale (and any other locale the tenant wrote). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            locale: string;
                            /** @enum {string} */
                            name: "waitlist_confirmation" | "waitlist_double_opt_in" | "waitlist_eta_update" | "waitlist_still_working" | "waitlist_still_interested" | "back_in_stock" | "early_access" | "sold_out_keep_place" | "preorder" | "thank_you" | "apology";
                            /** @enum {string} */
                            source: "override" | "builtin";
                            updatedAt?: string;
                        }[];
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                locale: string;
                name: "waitlist_confirmation" | "waitlist_double_opt_in" | "waitlist_eta_update" | "waitlist_still_working" | "waitlist_still_interested" | "back_in_stock" | "early_access" | "sold_out_keep_place" | "preorder" | "thank_you" | "apology";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        builtin: {
                            cta?: {
                                label: string;
                                url: string;
                            };
                            heading?: string;
                            paragraphs: string[];
                            preheader?: string;
                            sms: string;
                            subject: string;
                        } | null;
                        exampleData: {
                            [key: string]: string | number;
                        };
                        locale: string;
                        /** @enum {string} */
                        name: "waitlist_confirmation" | "waitlist_double_opt_in" | "waitlist_eta_update" | "waitlist_still_working" | "waitlist_still_interested" | "back_in_stock" | "early_access" | "sold_out_keep_place" | "preorder" | "thank_you" | "apology";
                        preview: {
                            sms: string;
                            subject: string;
                            text: string;
                            variant: string;
                        } | null;
                        requiredData: string[];
                        /**
                         * @description Where the text in force comes from.
                         * @enum {string}
                         */
                        source: "override" | "builtin" | "none";
                        template: {
                            cta?: {
                                label: string;
                                url: string;
                            };
                            heading?: string;
                            paragraphs: string[];
                            preheader?: string;
                            sms?: string;
                            subject: string;
                            variants?: {
                                cta?: {
                                    label: string;
                                    url: string;
                                };
                                heading?: string;
                                id: string;
                                paragraphs?: string[];
                                preheader?: string;
                                sms?: string;
                                subject?: string;
                                /** @default 1 */
                                weight: number;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                locale: string;
                name: "waitlist_confirmation" | "waitlist_double_opt_in" | "waitlist_eta_update" | "waitlist_still_working" | "waitlist_still_interested" | "back_in_stock" | "early_access" | "sold_out_keep_place" | "preorder" | "thank_you" | "apology";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cta?: {
                        label: string;
                        url: string;
                    };
                    heading?: string;
                    paragraphs: string[];
                    preheader?: string;
                    sms?: string;
                    subject: string;
                    variants?: {
                        cta?: {
                            label: string;
                            url: string;
                        };
                        heading?: string;
                        id: string;
                        paragraphs?: string[];
                        preheader?: string;
                        sms?: string;
                        subject?: string;
                        /** @default 1 */
                        weight?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description The template now in force, with a preview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        builtin: {
                            cta?: {
                                label: string;
                                url: string;
                            };
                            heading?: string;
                            paragraphs: string[];
                            preheader?: string;
                            sms: string;
                            subject: string;
                        } | null;
                        exampleData: {
                            [key: string]: string | number;
                        };
                        locale: string;
                        /** @enum {string} */
                        name: "waitlist_confirmation" | "waitlist_double_opt_in" | "waitlist_eta_update" | "waitlist_still_working" | "waitlist_still_interested" | "back_in_stock" | "early_access" | "sold_out_keep_place" | "preorder" | "thank_you" | "apology";
                        preview: {
                            sms: string;
                            subject: string;
                            text: string;
                            variant: string;
                        } | null;
                        requiredData: string[];
                        /**
                         * @description Where the text in force comes from.
                         * @enum {string}
                         */
                        source: "override" | "builtin" | "none";
                        template: {
                            cta?: {
                                label: string;
                                url: string;
                            };
                            heading?: string;
                            paragraphs: string[];
                            preheader?: string;
                            sms?: string;
                            subject: string;
                            variants?: {
                                cta?: {
                                    label: string;
                                    url: string;
                                };
                                heading?: string;
                                id: string;
                                paragraphs?: string[];
                                preheader?: string;
                                sms?: string;
                                subject?: string;
                                /** @default 1 */
                                weight: number;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Well-formed but not applicable to the current state. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                locale: string;
                name: "waitlist_confirmation" | "waitlist_double_opt_in" | "waitlist_eta_update" | "waitlist_still_working" | "waitlist_still_interested" | "back_in_stock" | "early_access" | "sold_out_keep_place" | "preorder" | "thank_you" | "apology";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The override is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant the key belongs to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenant: components["schemas"]["Tenant"];
                    };
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWaitlists: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
                /** @description Only this product’s lists (its variants and the product level), with the total. */
                productId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of lists, or one product’s lists and total. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["WaitlistSummary"][];
                    } | {
                        items: components["schemas"]["WaitlistSummary"][];
                        productId: string;
                        total: {
                            byChannel: {
                                email: number;
                                sms: number;
                            };
                            waiting: number;
                        };
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listVariantWaitlistEntries: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
                /** @description `active`: in line order; `pending`: waiting for their double opt-in, by sign-up. */
                status?: "active" | "pending";
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries with their place in line and contacts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["WaitlistEntry"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProductWaitlistEntries: {
        parameters: {
            query?: {
                /** @description The `cursor` of the previous page, as returned. */
                cursor?: string;
                limit?: number;
                /** @description `active`: in line order; `pending`: waiting for their double opt-in, by sign-up. */
                status?: "active" | "pending";
            };
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries with their place in line and contacts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Present when there is a next page. */
                        cursor?: string;
                        items: components["schemas"]["WaitlistEntry"][];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWaitlistPerks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The perks (`{}` when none are set). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistPerks"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putWaitlistPerks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    discount?: {
                        code: string;
                        description?: string;
                        /** @default 24 */
                        validHours?: number;
                    };
                    exclusiveContent?: {
                        [key: string]: string;
                    };
                    loyaltyPoints?: number;
                };
            };
        };
        responses: {
            /** @description The perks now in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistPerks"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWaitlistSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings, defaults filled in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistSettings"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchWaitlistSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capPerVariant?: number | null;
                    consentTexts?: {
                        [key: string]: {
                            text: string;
                            version: string;
                        };
                    } | null;
                    defaultCountry?: string | null;
                    disposableDomains?: string[] | null;
                    doubleOptIn?: boolean | null;
                    dripCadenceDays?: number | null;
                    entryTtlDays?: number | null;
                    keepGraceDays?: number | null;
                    maxUpdates?: number | null;
                    productUrlTemplate?: string | null;
                    rateLimit?: {
                        perAddressSeconds?: number;
                        perIpSeconds?: number;
                    };
                    silenceDays?: number | null;
                    unconfirmedTtlDays?: number | null;
                };
            };
        };
        responses: {
            /** @description The settings after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistSettings"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowedOrigins?: string[];
                    /** Format: email */
                    contactEmail: string;
                    /** @default en */
                    locale?: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The tenant and its admin key (shown in this answer only). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adminKey: string;
                        tenant: components["schemas"]["Tenant"];
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openWaitlistLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the message. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preference page, or the confirmation (with the place in line) of what the link did. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (altered or unknown). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Confirming: the waitlist filled up meanwhile. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link expired, or its entry is gone. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Something went wrong: a page says so. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    updateWaitlistPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the message. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    action: "cancel";
                    entryId: string;
                } | {
                    /** @constant */
                    action: "cancel_all";
                } | {
                    /** @constant */
                    action: "channels";
                    /**
                     * @description A ticked checkbox; absent means off.
                     * @constant
                     */
                    email?: "on";
                    /**
                     * @description A ticked checkbox; absent means off.
                     * @constant
                     */
                    sms?: "on";
                };
            };
        };
        responses: {
            /** @description A form post: the preference page with a notice. A JSON post: the alerts that remain. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The alerts this link still reaches, after the change. */
                        entries: {
                            channels: {
                                email: boolean;
                                sms: boolean;
                            };
                            entryId: string;
                            listId: string;
                            /** @enum {string} */
                            status: "active" | "pending";
                        }[];
                        /** @constant */
                        ok: true;
                    };
                    "text/html": string;
                };
            };
            /** @description The link is not valid (a page says so), or the alert is not one of this link’s (an error). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Method not allowed for this link. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The link expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Something went wrong: a page says so. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    listingAvailability: {
        parameters: {
            query: {
                /** @description Count facets only for these variant attributes, e.g. `size,colour`. */
                facets?: string;
                /** @description Product ids, comma-separated (at most 100). */
                ids: string;
                /** @description The shopper’s language (e.g. `it`, `en-GB`); else the shop’s default. */
                lang?: string;
                /** @description `1` adds each product’s variants (for pickers on the listing). */
                variants?: "0" | "1";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The listed products, their facets and the ids not found. */
            200: {
                headers: {
                    /** @description `public, max-age=15, s-maxage=30, stale-while-revalidate=60` */
                    "Cache-Control"?: string;
                    /** @description A strong validator of the body; send it back in If-None-Match for a 304. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Per variant attribute (size, colour…), each value with how many listed products have a variant with it available now; values nothing can be bought in are left out. */
                        facets: {
                            [key: string]: {
                                count: number;
                                value: string;
                            }[];
                        };
                        /** @description Buyable now first, then preorder and backorder, then out of stock; the order asked for within each. */
                        items: components["schemas"]["ListingItem"][];
                        locale: string;
                        /** @description Ids asked for that are unknown or archived. */
                        missing: string[];
                    };
                };
            };
            /** @description Not modified: the If-None-Match validator still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    claimUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The hold. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseClaim"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hold and its status (held, converted, lapsed, released). */
            200: {
                headers: {
                    /** @description `no-store` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseClaim"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                claimId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Released: the unit is back in the pool. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    widgetConfig: {
        parameters: {
            query?: {
                /** @description The shopper’s language (e.g. `it`, `en-GB`); else the shop’s default. */
                lang?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the widget needs. */
            200: {
                headers: {
                    /** @description `public, max-age=300, s-maxage=300` */
                    "Cache-Control"?: string;
                    /** @description A strong validator of the body; send it back in If-None-Match for a 304. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetConfig"];
                };
            };
            /** @description Not modified: the If-None-Match validator still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkEarlyAccess: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the shopper may buy now and why; nobody told “no” loses their place. */
            200: {
                headers: {
                    /** @description `no-store` */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EarlyAccess"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    productAvailability: {
        parameters: {
            query?: {
                /** @description `0` leaves alternatives out of an out-of-stock answer (cheaper). */
                alternatives?: "0" | "1";
                /** @description The shopper’s language (e.g. `it`, `en-GB`); else the shop’s default. */
                lang?: string;
            };
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product as a shopper may see it. */
            200: {
                headers: {
                    /** @description `public, max-age=15, s-maxage=30, stale-while-revalidate=60` */
                    "Cache-Control"?: string;
                    /** @description A strong validator of the body; send it back in If-None-Match for a 304. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductAvailability"];
                };
            };
            /** @description Not modified: the If-None-Match validator still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    productAlternatives: {
        parameters: {
            query?: {
                /** @description The shopper’s language (e.g. `it`, `en-GB`); else the shop’s default. */
                lang?: string;
                limit?: number;
                /** @description The storefront’s opaque visitor id (stored only hashed). */
                shopperId?: string;
                /** @description The variant the shopper wanted: alternatives with the same size or colour available rank higher. */
                sku?: string;
            };
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alternatives, best first. */
            200: {
                headers: {
                    /** @description `public, max-age=60, s-maxage=60, stale-while-revalidate=120` */
                    "Cache-Control"?: string;
                    /** @description A strong validator of the body; send it back in If-None-Match for a 304. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        complementary: components["schemas"]["AlternativeItem"][];
                        locale: string;
                        /** @description True when the shop’s catalog was larger than the candidate scan: the best matches among the products read. */
                        partialCatalog: boolean;
                        /** @description The shopper’s recent categories ranked the list. */
                        personalised: boolean;
                        productId: string;
                        similar: components["schemas"]["AlternativeItem"][];
                    };
                };
            };
            /** @description Not modified: the If-None-Match validator still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    storeAvailability: {
        parameters: {
            query?: {
                /** @description The shopper’s language (e.g. `it`, `en-GB`); else the shop’s default. */
                lang?: string;
                /** @description One variant only (404 if the product has no such variant). */
                sku?: string;
            };
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Online and per-store availability. */
            200: {
                headers: {
                    /** @description `public, max-age=15, s-maxage=30, stale-while-revalidate=60` */
                    "Cache-Control"?: string;
                    /** @description A strong validator of the body; send it back in If-None-Match for a 304. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locale: string;
                        /** @description Online availability: store stock counts only with ship-from-store and where the store takes part. */
                        online: {
                            available: boolean;
                            eta?: components["schemas"]["StorefrontEta"];
                            label: string;
                            orderable: boolean;
                            /** @enum {string} */
                            state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
                            /** @description Shown only when the true sellable count is at or under the display threshold. */
                            unitsLeft?: number;
                            variants: {
                                attributes: {
                                    [key: string]: string;
                                };
                                available: boolean;
                                label: string;
                                notify: boolean;
                                orderable: boolean;
                                price?: number;
                                sku: string;
                                /** @enum {string} */
                                state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
                                /** @description Shown only when the true sellable count is at or under the display threshold. */
                                unitsLeft?: number;
                            }[];
                        };
                        productId: string;
                        shipFromStore: boolean;
                        /** @description Stores (not warehouses), those holding stock first. */
                        stores: {
                            address?: string;
                            available: boolean;
                            city?: string;
                            countsOnline: boolean;
                            label: string;
                            locationId: string;
                            name: string;
                            openingHours?: string;
                            pickup: boolean;
                            /** @enum {string} */
                            state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
                            /** @description Shown only when the true sellable count is at or under the display threshold. */
                            unitsLeft?: number;
                            variants: {
                                attributes: {
                                    [key: string]: string;
                                };
                                available: boolean;
                                label: string;
                                sku: string;
                                /** @enum {string} */
                                state: "in_stock" | "low_stock" | "out_of_stock" | "preorder" | "backorder";
                                /** @description Shown only when the true sellable count is at or under the display threshold. */
                                unitsLeft?: number;
                            }[];
                        }[];
                        title: string;
                    };
                };
            };
            /** @description Not modified: the If-None-Match validator still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordDemandSignal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category?: string;
                    productId?: string;
                    query?: string;
                    shopperId?: string;
                    sku?: string;
                    /** @enum {string} */
                    type: "oos_view" | "search_no_results" | "search_sold_out" | "cart_attempt_unavailable" | "product_view";
                };
            };
        };
        responses: {
            /** @description Counted. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                        /**
                         * @description The demand counter incremented (by subject), the shopper’s interest, or nothing (a `product_view` without a category).
                         * @enum {string}
                         */
                        recorded: "sku" | "product" | "query" | "interest" | "nothing";
                    };
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    joinWaitlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    consent: {
                        /** Format: date-time */
                        at?: string;
                        /** @constant */
                        given: true;
                        source: string;
                        textVersion: string;
                    };
                    country?: string;
                    email?: string;
                    locale?: string;
                    phone?: string;
                    productId: string;
                    shopperId?: string;
                    sku?: string;
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description The entry and its live place in line. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistSignup"];
                };
            };
            /** @description Invalid input: every field at fault with its reason; nothing was changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The key is not valid for this route, or (storefront) the origin is not allowed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Not found (or not this tenant’s). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited: retry after the seconds in Retry-After. */
            429: {
                headers: {
                    /** @description Seconds until the next window. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    followTrackedLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the destination. */
            302: {
                headers: {
                    /** @description The destination URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The link is not valid (altered or unknown): a page says so. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unsubscribeFromLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unsubscribed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unsubscribeOneClick: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": string;
            };
        };
        responses: {
            /** @description Unsubscribed, or subscribed again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error: only a request id is returned. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
