from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "Strategy"

    def ready(self):
        from portal.ops import seeding
        from strategy import seed

        # First of the seed steps: the others hang their pages under its home page.
        seeding.register("strategy", seed.seed)
