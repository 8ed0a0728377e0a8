"""Permission policies for records the admin may show but not write."""

from wagtail.permission_policies import ModelPermissionPolicy


class LookOnlyPolicy(ModelPermissionPolicy):
    """The model's permissions, without the actions no one may take from the admin."""

    def __init__(self, model, refused=("add", "change")):
        super().__init__(model)
        self.refused = set(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)
