package analyze

import "testing"

func TestSnake(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"camel", "authorId", "author_id"},
		{"already snake", "author_id", "author_id"},
		{"leading capital", "UserId", "user_id"},
		{"several words", "parentCategoryId", "parent_category_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snake(tt.in); got != tt.want {
				t.Errorf("snake(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
