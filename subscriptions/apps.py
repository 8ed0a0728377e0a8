from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = "Subscriptions"

    def ready(self):
        from portal.ops import scheduler

        scheduler.register("send_alert_digests", scheduler.HOUR)
        scheduler.register("purge_unconfirmed_subscriptions", scheduler.DAY)
